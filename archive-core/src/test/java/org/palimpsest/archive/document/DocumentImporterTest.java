package org.palimpsest.archive.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which import keys an import claims: each claim is a durable write on the import's path, so a key that already names
 * the document is not claimed again.
 */
class DocumentImporterTest {

    /** Import keys in memory, remembering every claim made. */
    private static final class RecordedKeys implements ImportKeys {
        final Map<String, String> bound = new ConcurrentHashMap<>();
        final List<String> claims = new ArrayList<>();

        @Override
        public Optional<String> find(String key) {
            return Optional.ofNullable(bound.get(key));
        }

        @Override
        public String claim(String key, String documentId) {
            claims.add(key);
            return bound.computeIfAbsent(key, k -> documentId);
        }
    }

    private final RecordedKeys keys = new RecordedKeys();
    private Configuration axon;
    private DocumentImporter importer;

    @BeforeEach
    void start() {
        axon = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .configureAggregate(Document.class)
                .buildConfiguration();
        axon.start();
        importer = new DocumentImporter(axon.commandGateway(), keys, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        axon.shutdown();
    }

    private static ImportRequest text(String text, String sourceUri) {
        return new ImportRequest(text, "A title", "en", sourceUri, null, null);
    }

    @Test
    void aNewTextWithoutSourceClaimsItsContentKeyOnce() {
        ImportOutcome outcome = importer.importDocument(text("A ledger of small harbours.", null), "editor");

        assertThat(outcome.result()).isEqualTo(ImportOutcome.Result.IMPORTED);
        assertThat(keys.claims).containsExactly(ImportKeys.contentKey(ContentHash.of("A ledger of small harbours.")));
        assertThat(keys.bound).containsValue(outcome.documentId());
    }

    @Test
    void aNewTextFromASourceClaimsTheSourceThenItsContent() {
        ImportOutcome outcome = importer.importDocument(text("Tides at the north pier.", "https://example.org/tides"),
                "editor");

        assertThat(keys.claims).containsExactly(ImportKeys.sourceKey("https://example.org/tides"),
                ImportKeys.contentKey(ContentHash.of("Tides at the north pier.")));
        assertThat(keys.bound.values()).containsOnly(outcome.documentId());
    }

    @Test
    void aTextAlreadyHeldClaimsNothing() {
        ImportOutcome first = importer.importDocument(text("Lamps along the quay.", null), "editor");
        keys.claims.clear();

        ImportOutcome again = importer.importDocument(text("Lamps along the quay.", "https://example.org/lamps"), "editor");

        assertThat(again.documentId()).isEqualTo(first.documentId());
        assertThat(again.result()).isEqualTo(ImportOutcome.Result.UNCHANGED);
        assertThat(keys.claims).isEmpty();
    }
}
