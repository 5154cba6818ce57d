package org.palimpsest.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The application's own settings ({@code palimpsest.*}).
 *
 * @param dataDir       where the embedded MongoDB keeps its file when no MongoDB URI is configured
 * @param embeddedPort  port of the embedded MongoDB on 127.0.0.1; 0 picks a free one
 * @param database      database name when the URI names none
 * @param readTimeout   how long an import waits for its reading view before answering anyway
 * @param samples       load the bundled sample documents when the archive is empty
 * @param security      who may do what
 * @param durability    when a write counts as acknowledged (ADR 4)
 * @param limits        how much a request may send
 * @param projection    how the projections' processors share their work among nodes (ADR 9)
 */
@ConfigurationProperties("palimpsest")
public record PalimpsestProperties(
        @Nullable Path dataDir,
        int embeddedPort,
        @Nullable String database,
        @Nullable Duration readTimeout,
        @Nullable Boolean samples,
        @Nullable Security security,
        @Nullable Durability durability,
        @Nullable Limits limits,
        @Nullable Projection projection) {

    public Path dataDirOrDefault() {
        return dataDir == null ? Path.of("data") : dataDir;
    }

    public String databaseOrDefault() {
        return database == null || database.isBlank() ? "palimpsest" : database;
    }

    public Duration readTimeoutOrDefault() {
        return readTimeout == null ? Duration.ofSeconds(5) : readTimeout;
    }

    public boolean loadSamples() {
        return samples == null || samples;
    }

    public Security securityOrDefault() {
        return security == null ? new Security(true, false, null, null) : security;
    }

    public Durability durabilityOrDefault() {
        return durability == null ? Durability.DEFAULT : durability.withDefaults();
    }

    public Limits limitsOrDefault() {
        return limits == null ? new Limits(null) : limits;
    }

    public Projection projectionOrDefault() {
        return projection == null ? new Projection(null, null, null) : projection;
    }

    /**
     * How a projection's processor is split and shared among the nodes on one store (ADR 9). The analysis budget, also
     * under {@code palimpsest.projection}, is read where the analysers are configured.
     *
     * @param segments        how many segments a processor's events are split into, by document (or other
     *                        aggregate); fixed when the processor first starts on a store
     * @param segmentsPerNode the most segments of one processor a node works on at once, one thread each; with
     *                        fewer than {@code segments} the rest are left to other nodes
     * @param claimTimeout    how long a segment stays claimed by a node that stopped extending its claim (one that
     *                        died) before another node may take it over
     */
    public record Projection(@Nullable Integer segments, @Nullable Integer segmentsPerNode,
                             @Nullable Duration claimTimeout) {

        static final int DEFAULT_SEGMENTS = 4;
        static final Duration DEFAULT_CLAIM_TIMEOUT = Duration.ofSeconds(10);

        public int segmentsOrDefault() {
            return segments == null ? DEFAULT_SEGMENTS : requirePositive("segments", segments);
        }

        public int segmentsPerNodeOrDefault() {
            return segmentsPerNode == null ? segmentsOrDefault() : requirePositive("segments-per-node", segmentsPerNode);
        }

        public Duration claimTimeoutOrDefault() {
            if (claimTimeout == null) {
                return DEFAULT_CLAIM_TIMEOUT;
            }
            // A claim is extended about once a second while a segment is idle; a shorter timeout would let another
            // node take over a segment that is still being worked on.
            if (claimTimeout.compareTo(Duration.ofSeconds(3)) < 0) {
                throw new IllegalStateException("palimpsest.projection.claim-timeout must be at least 3s, not " + claimTimeout);
            }
            return claimTimeout;
        }

        private static int requirePositive(String key, int value) {
            if (value < 1) {
                throw new IllegalStateException("palimpsest.projection." + key + " must be at least 1, not " + value);
            }
            return value;
        }
    }

    /**
     * Limits of what one request may send. The limits of single fields (a title, a comment, a quote …) are not
     * settings: they are part of the archive's data model, declared in {@code InputLimits} and published in the
     * OpenAPI description.
     *
     * @param requestBody the largest request body of any content type, counted in bytes as it arrives (also when
     *                    chunked); a larger one is answered 413 before it is parsed
     */
    public record Limits(@Nullable DataSize requestBody) {

        static final DataSize DEFAULT_REQUEST_BODY = DataSize.ofMegabytes(10);

        public DataSize requestBodyOrDefault() {
            return requestBody == null || requestBody.toBytes() <= 0 ? DEFAULT_REQUEST_BODY : requestBody;
        }
    }

    /**
     * @param embeddedFsync force each group commit of the embedded store to disk (survives power loss, not
     *                      only a crash of the process)
     * @param writeConcern  write concern on an external MongoDB: {@code majority} or a number of members
     * @param journal       wait for the journal on an external MongoDB
     * @param readConcern   read concern on an external MongoDB: {@code majority}, {@code local}, …
     */
    public record Durability(@Nullable Boolean embeddedFsync, @Nullable String writeConcern,
                             @Nullable Boolean journal, @Nullable String readConcern) {

        static final Durability DEFAULT = new Durability(true, "majority", true, "majority");

        Durability withDefaults() {
            return new Durability(
                    embeddedFsync == null ? DEFAULT.embeddedFsync : embeddedFsync,
                    writeConcern == null || writeConcern.isBlank() ? DEFAULT.writeConcern : writeConcern,
                    journal == null ? DEFAULT.journal : journal,
                    readConcern == null || readConcern.isBlank() ? DEFAULT.readConcern : readConcern);
        }
    }

    /**
     * Accounts themselves live in the archive (created by an administrator; the first one's password is generated
     * at first start), never in configuration.
     *
     * @param anonymousRead readers need no account
     * @param demo          also accept the demo accounts reader, annotator, editor, auditor and admin with their
     *                      own name as password; for trying the archive out, never for production
     * @param loginThrottle how failed sign-ins are slowed
     * @param cors          which other origins' browser clients may call the API
     */
    public record Security(boolean anonymousRead, boolean demo, @Nullable LoginThrottle loginThrottle,
                           @Nullable Cors cors) {

        public LoginThrottle loginThrottleOrDefault() {
            return loginThrottle == null ? new LoginThrottle(null, 0, 0) : loginThrottle;
        }

        public Cors corsOrDefault() {
            return cors == null ? new Cors(null) : cors;
        }
    }

    /**
     * Cross-origin access for browser clients (CORS). None by default: a page served from elsewhere cannot read the
     * API's answers, as before CORS existed.
     *
     * @param allowedOrigins origins such as {@code https://annotator.example} (scheme, host and port, no path) whose
     *                       pages may call the API; {@code *} for any
     */
    public record Cors(@Nullable List<String> allowedOrigins) {

        public List<String> allowedOriginsOrDefault() {
            return allowedOrigins == null ? List.of()
                    : allowedOrigins.stream().map(String::strip).filter(origin -> !origin.isEmpty()).toList();
        }
    }

    /**
     * @param window              how long failures are remembered, and how long a throttled client waits at most
     * @param perAccountAndClient failures for one account from one client before that pair is refused (429)
     * @param perClient           failures from one client, whatever the accounts, before the client is refused
     */
    public record LoginThrottle(@Nullable Duration window, int perAccountAndClient, int perClient) {

        public Duration windowOrDefault() {
            return window == null || window.isNegative() || window.isZero() ? Duration.ofMinutes(15) : window;
        }

        public int perAccountAndClientOrDefault() {
            return perAccountAndClient > 0 ? perAccountAndClient : 5;
        }

        public int perClientOrDefault() {
            return perClient > 0 ? perClient : 20;
        }
    }
}
