package org.palimpsest.api.config;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.palimpsest.api.MongoUnderTest;
import org.palimpsest.api.projection.DeadLetters;
import org.palimpsest.archive.serialization.ArchiveJson;

/**
 * Axon with the archive's processor settings ({@link AxonConfiguration}: batches of 100, errors propagate) and its
 * dead-letter wiring ({@link DeadLetterConfiguration}) around one test view, events in memory and the letters in a
 * fresh database of the MongoDB under test. Publishes a document's numbered events in sequence.
 */
final class ParkingAxon implements AutoCloseable {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    final MongoDatabase database;
    final DeadLetters letters;
    final Configuration axon;
    private final MongoClient client;
    private final Map<String, Long> sequences = new ConcurrentHashMap<>();

    /** A document event of the tests. */
    record Noted(String documentId, int n) {
    }

    /**
     * What a test view has applied, per document, in order and once each; it throws on the events marked poisoned
     * ({@code documentId#n}), as a projection that cannot apply them would.
     */
    static final class AppliedEvents {

        private final Set<String> poisoned;
        private final Map<String, List<Integer>> applied = new ConcurrentHashMap<>();

        AppliedEvents(Set<String> poisoned) {
            this.poisoned = poisoned;
        }

        void apply(Noted event) {
            if (poisoned.contains(event.documentId() + "#" + event.n())) {
                throw new IllegalStateException("cannot apply " + event.documentId() + "#" + event.n());
            }
            List<Integer> list = applied.computeIfAbsent(event.documentId(), d -> new ArrayList<>());
            synchronized (list) {
                if (!list.contains(event.n())) {
                    list.add(event.n());
                }
            }
        }

        List<Integer> of(String documentId) {
            List<Integer> list = applied.getOrDefault(documentId, List.of());
            synchronized (list) {
                return List.copyOf(list);
            }
        }
    }

    ParkingAxon(String name, Object view, TokenStore tokens) {
        client = MongoClients.create(MongoUnderTest.get().uri("palimpsest_" + name));
        database = client.getDatabase(name + "_" + UUID.randomUUID().toString().substring(0, 8));
        JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(ArchiveJson.objectMapper()).build();
        letters = new DeadLetters(database, serializer);
        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .configureSerializer(c -> serializer)
                .configureEventSerializer(c -> serializer)
                .registerComponent(TokenStore.class, c -> tokens);
        configurer.eventProcessing().usingTrackingEventProcessors().registerEventHandler(c -> view);
        AxonConfiguration archive = new AxonConfiguration();
        archive.projectionErrorsPropagate().configureModule(configurer);
        archive.projectionBatches(ProjectionSegments.DEFAULT, new org.palimpsest.api.web.ProjectionProgress()).configureModule(configurer);
        new DeadLetterConfiguration().parkPoisonEvents(letters).configureModule(configurer);
        axon = configurer.start();
    }

    void publish(String documentId, int n) {
        long sequence = sequences.merge(documentId, 1L, Long::sum) - 1;
        axon.eventStore().publish(new GenericDomainEventMessage<>("Document", documentId, sequence, new Noted(documentId, n)));
    }

    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + PATIENCE + ": " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Override
    public void close() {
        axon.shutdown();
        database.drop();
        client.close();
    }
}
