package org.palimpsest.api.config;

import com.mongodb.client.MongoDatabase;
import java.util.List;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.axonframework.serialization.Serializer;
import org.palimpsest.annotations.projection.AnnotationProjection;
import org.palimpsest.api.projection.DeadLetters;
import org.palimpsest.api.projection.ParkedEvents;
import org.palimpsest.archive.projection.email.EmailProjection;
import org.palimpsest.archive.projection.reading.ReadingViewProjection;
import org.palimpsest.archive.projection.timeline.TimelineProjection;
import org.palimpsest.archive.projection.user.UserProjection;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Poison events are parked, not retried forever (ADR 8). Every processing group gets a sequenced dead-letter queue
 * ({@link DeadLetters}): an event whose handler throws is set aside with every later event of its sequence, and
 * the processor goes on with the rest of the log.
 *
 * <p>Sequences are Axon's default, one per aggregate, made explicit here because the dead-letter queue relies on
 * it: every event of the {@code Document} aggregate (import, re-import, fix proposed, accepted, rejected, reverted)
 * belongs to its document, so a document's views stall alone and in order. Annotation events belong to their
 * annotation (a revision, deletion or hiding does not name the document, so they cannot be sequenced by it), account
 * events to their account.
 *
 * <p>{@code PropagatingErrorHandler}, registered in {@link AxonConfiguration} as the default listener invocation
 * error handler, is what a dead-lettering invoker needs (Axon's builder defaults to it too): a failure must leave
 * the handler so the invoker can park the event. Failures of the store itself are not parked but propagate, and the
 * processor stops and retries as before ({@code ParkingPolicy}).
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterConfiguration {

    /** The processing groups that build the archive's views; their queues get Axon's sequence-identifier cache. */
    private static final List<String> VIEWS = List.of(ReadingViewProjection.PROCESSING_GROUP,
            AnnotationProjection.PROCESSING_GROUP, TimelineProjection.PROCESSING_GROUP,
            EmailProjection.PROCESSING_GROUP, UserProjection.PROCESSING_GROUP);

    @Bean
    DeadLetters deadLetters(MongoDatabase archiveDatabase, @Qualifier("eventSerializer") Serializer eventSerializer) {
        return new DeadLetters(archiveDatabase, eventSerializer);
    }

    @Bean
    ParkedEvents parkedEvents(DeadLetters letters, EventProcessingConfiguration processing) {
        return new ParkedEvents(letters, processing);
    }

    @Bean
    ConfigurerModule parkPoisonEvents(DeadLetters letters) {
        return configurer -> {
            var processing = configurer.eventProcessing()
                    .registerDefaultSequencingPolicy(c -> SequentialPerAggregatePolicy.instance())
                    .registerDeadLetterQueueProvider(group -> c -> letters.queue(group))
                    .registerDefaultDeadLetterPolicy(c -> DeadLetters.parkingPolicy());
            // Without the cache the invoker asks the store, for every event, whether its sequence is parked. With it,
            // a segment that starts with an empty queue asks only for sequences it parked itself; the cache is
            // dropped whenever the segment is released (a stop, a rebuild's hand-over, a claim moving to another node).
            VIEWS.forEach(group -> processing.registerDeadLetteringEventHandlerInvokerConfiguration(group,
                    (c, builder) -> builder.enableSequenceIdentifierCache()));
        };
    }
}
