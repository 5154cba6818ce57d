package org.palimpsest.api.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

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
 */
@ConfigurationProperties("palimpsest")
public record PalimpsestProperties(
        @Nullable Path dataDir,
        int embeddedPort,
        @Nullable String database,
        @Nullable Duration readTimeout,
        @Nullable Boolean samples,
        @Nullable Security security,
        @Nullable Durability durability) {

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
        return security == null ? new Security(true, List.of()) : security;
    }

    public Durability durabilityOrDefault() {
        return durability == null ? Durability.DEFAULT : durability.withDefaults();
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
     * @param anonymousRead readers need no account
     * @param users         accounts: name, password (a Spring Security encoded value such as {@code {bcrypt}…}), roles
     */
    public record Security(boolean anonymousRead, List<User> users) {
    }

    public record User(String name, String password, List<String> roles) {
    }
}
