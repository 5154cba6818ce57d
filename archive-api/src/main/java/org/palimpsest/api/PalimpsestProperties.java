package org.palimpsest.api;

import java.nio.file.Path;
import java.time.Duration;
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
        @Nullable Limits limits) {

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
        return security == null ? new Security(true, false, null) : security;
    }

    public Durability durabilityOrDefault() {
        return durability == null ? Durability.DEFAULT : durability.withDefaults();
    }

    public Limits limitsOrDefault() {
        return limits == null ? new Limits(null) : limits;
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
     */
    public record Security(boolean anonymousRead, boolean demo, @Nullable LoginThrottle loginThrottle) {

        public LoginThrottle loginThrottleOrDefault() {
            return loginThrottle == null ? new LoginThrottle(null, 0, 0) : loginThrottle;
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
