package org.palimpsest.api.config;

import org.palimpsest.api.PalimpsestProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.management.ManagementFactory;
import java.util.UUID;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.EventTrackerStatusChangeListener;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.lifecycle.Phase;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.palimpsest.api.web.ProjectionProgress;
import org.palimpsest.api.web.ReadYourWrites;
import org.palimpsest.archive.document.Document;
import org.palimpsest.archive.document.DocumentImporter;
import org.palimpsest.archive.document.mongo.MongoImportKeys;
import org.palimpsest.archive.eventstore.BulkAppendUndo;
import org.palimpsest.archive.eventstore.SequencedMongoEventStorageEngine;
import org.palimpsest.archive.projection.ProjectionGenerations;
import org.palimpsest.archive.projection.reading.ReadingViewProjection;
import org.palimpsest.archive.projection.reading.ReadingViewQueries;
import org.palimpsest.archive.serialization.ArchiveJson;
import org.palimpsest.archive.provenance.Actors;
import org.palimpsest.archive.history.AuditTrail;
import org.palimpsest.archive.history.DocumentHistory;
import org.palimpsest.archive.history.DerivedRecordConsistency;
import org.palimpsest.archive.history.EventLog;
import org.palimpsest.archive.history.ReadingViewConsistency;
import org.palimpsest.archive.projection.email.EmailProjection;
import org.palimpsest.archive.projection.email.EmailRendering;
import org.palimpsest.archive.projection.timeline.TimelineEntry;
import org.palimpsest.archive.projection.timeline.TimelineProjection;
import org.palimpsest.archive.history.ReplayEngine;
import org.palimpsest.archive.history.ScratchReplay;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon on MongoDB: our own event storage engine (ADR 0001), the extension's token store, Jackson for every
 * serializer, and the archive's aggregates and projections.
 */
@Configuration(proxyBeanMethods = false)
class AxonConfiguration {

    /** Axon's Jackson serializers pick this mapper up by name; it must match what tests and tools use. */
    @Bean("defaultAxonObjectMapper")
    ObjectMapper defaultAxonObjectMapper() {
        return ArchiveJson.objectMapper();
    }

    @Bean
    EventStorageEngine eventStorageEngine(MongoDatabase archiveDatabase,
                                          Serializer serializer,
                                          @Qualifier("eventSerializer") Serializer eventSerializer) {
        return SequencedMongoEventStorageEngine.builder()
                .database(archiveDatabase)
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                .build();
    }

    @Bean
    ProjectionSegments projectionSegments(PalimpsestProperties properties) {
        return ProjectionSegments.of(properties.projectionOrDefault());
    }

    /**
     * Segments are claimed here: a claim names this node and is extended while the node works; one not extended for
     * the claim timeout may be taken by another node (ADR 9). An extension that would repeat a refresh of the same
     * claim within the claim interval is left out ({@link SparingClaimExtensions}). Where projections write without
     * waiting for the disk (the embedded store), so do most tokens stored after a batch ({@link LazilyDurableTokens}).
     */
    @Bean
    TokenStore tokenStore(MongoDatabase archiveDatabase, @Qualifier("projectionDatabase") MongoDatabase projectionDatabase,
                          Serializer serializer, ProjectionSegments segments) {
        // The default node id is pid@host, which two containers (or two contexts in one JVM) can share, and then
        // both believe they hold the same segment claim. A random suffix makes every instance a node of its own.
        String nodeId = ManagementFactory.getRuntimeMXBean().getName() + "/"
                + UUID.randomUUID().toString().substring(0, 8);
        TokenStore store = tokenStore(archiveDatabase, serializer, nodeId, segments);
        if (!projectionDatabase.getWriteConcern().equals(archiveDatabase.getWriteConcern())) {
            store = new LazilyDurableTokens(store, tokenStore(projectionDatabase, serializer, nodeId, segments),
                    LazilyDurableTokens.DURABLE_EVERY);
        }
        return new SparingClaimExtensions(store, segments.claimInterval());
    }

    private static TokenStore tokenStore(MongoDatabase database, Serializer serializer, String nodeId,
                                         ProjectionSegments segments) {
        return MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(database).build())
                .serializer(serializer)
                .nodeId(nodeId)
                .claimTimeout(segments.claimTimeout())
                .build();
    }

    /** Copies who acted from each command onto the events it causes; the origin provider adds correlation ids. */
    @Bean
    CorrelationDataProvider actorCorrelation() {
        return new SimpleCorrelationDataProvider(Actors.METADATA_KEY);
    }

    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    /**
     * Commands that lose an optimistic-concurrency race (another instance sharing the store appended first) are
     * retried: the aggregate is loaded again and decides afresh, so no update is lost and none is applied blindly.
     * Each retry is counted ({@link CountedRetryScheduler}).
     */
    @Bean(destroyMethod = "shutdown")
    ScheduledExecutorService commandRetryExecutor() {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "command-retry");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    CommandGateway commandGateway(CommandBus commandBus,
                                  ScheduledExecutorService commandRetryExecutor,
                                  MeterRegistry meters) {
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(new CountedRetryScheduler(IntervalRetryScheduler.builder()
                        .retryExecutor(commandRetryExecutor).maxRetryCount(5).retryInterval(50).build(), meters))
                .build();
    }

    @Bean
    ConfigurerModule archiveAggregates() {
        return configurer -> configurer.configureAggregate(Document.class);
    }

    /**
     * A failure must leave the handler, never be logged and skipped (Axon's default), which would leave a view
     * silently wrong. The dead-letter queue of each processing group catches it and parks the event with its
     * document's later events ({@link DeadLetterConfiguration}, ADR 8); what it lets through (the store failing)
     * stops the processor, which backs off, reports the error in its status and resumes where it stopped.
     */
    @Bean
    ConfigurerModule projectionErrorsPropagate() {
        return configurer -> configurer.eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
    }

    /**
     * Processors take up to {@value ProjectionSegments#BATCH} events of their segment in one unit of work and store
     * their token once after them: the token is the one write that waits for a durable commit (ADR 4), so a batch costs
     * one commit, not one per event. A failure repeats the batch, which the projections' position guards make harmless.
     * Each processor is split into segments that this node and the others on the store claim (ADR 9), except those that
     * must see the log in order ({@link ProjectionSegments#IN_LOG_ORDER}). Each tells {@code progress} when it moves on.
     */
    @Bean
    ConfigurerModule projectionBatches(ProjectionSegments segments, EventTrackerStatusChangeListener progress) {
        return configurer -> {
            var processing = configurer.eventProcessing()
                    .registerTrackingEventProcessorConfiguration(c -> segments.split(progress));
            ProjectionSegments.IN_LOG_ORDER.forEach(group ->
                    processing.registerTrackingEventProcessorConfiguration(group, c -> segments.inLogOrder(progress)));
        };
    }

    /** Where this node's processors say they moved on, for writes waiting to read what they wrote. */
    @Bean
    ProjectionProgress projectionProgress() {
        return new ProjectionProgress();
    }

    /**
     * Just before the processors start, a processor whose tokens have another number of segments than configured (a
     * store from before segments, or a changed setting) is split anew, if no node holds any of its segments.
     */
    @Bean
    ConfigurerModule projectionSegmentCounts(ProjectionSegments segments) {
        return configurer -> configurer.onInitialize(config -> config.onStart(Phase.INBOUND_EVENT_CONNECTORS - 1, () -> {
            SegmentCount count = new SegmentCount(config.getComponent(TokenStore.class));
            config.eventProcessingConfiguration().eventProcessors().forEach((name, processor) -> {
                if (processor instanceof StreamingEventProcessor) {
                    count.apply(name, ProjectionSegments.IN_LOG_ORDER.contains(name) ? 1 : segments.segments());
                }
            });
        }));
    }

    @Bean
    ProjectionGenerations projectionGenerations(MongoDatabase archiveDatabase) {
        return new ProjectionGenerations(archiveDatabase);
    }

    @Bean
    ReadingViewProjection readingViewProjection(@Qualifier("projectionDatabase") MongoDatabase projectionDatabase, ProjectionGenerations generations,
                                                org.palimpsest.archive.extraction.AnalysisBudget analysisBudget,
                                                org.palimpsest.archive.projection.analysis.AnalysisCache analyses) {
        return new ReadingViewProjection(projectionDatabase, generations.current(ReadingViewProjection.PROCESSING_GROUP),
                analysisBudget, analyses);
    }

    @Bean
    ReadingViewQueries readingViewQueries(ReadingViewProjection projection) {
        return new ReadingViewQueries(projection);
    }

    @Bean
    AuditTrail auditTrail(EventStorageEngine engine, @Qualifier("eventSerializer") Serializer eventSerializer) {
        return new AuditTrail(engine, eventSerializer);
    }

    @Bean
    EventLog eventLog(EventStorageEngine engine, @Qualifier("eventSerializer") Serializer eventSerializer,
                      MongoDatabase archiveDatabase) {
        return new EventLog(engine, eventSerializer, new BulkAppendUndo(archiveDatabase), new MongoImportKeys(archiveDatabase));
    }

    @Bean
    ReplayEngine replayEngine(EventStorageEngine engine) {
        return new ReplayEngine(engine);
    }

    @Bean
    ScratchReplay scratchReplay(ReplayEngine replay, MongoClient client, MongoDatabase archiveDatabase,
                                @Qualifier("projectionDatabase") MongoDatabase projectionDatabase) {
        return new ScratchReplay(replay, client, archiveDatabase.getName(), projectionDatabase.getWriteConcern());
    }

    @Bean
    ReadingViewConsistency readingViewConsistency(ScratchReplay scratch, ReadingViewProjection live) {
        return new ReadingViewConsistency(scratch, live);
    }

    @Bean
    DerivedRecordConsistency<TimelineProjection, TimelineEntry> timelineConsistency(TimelineProjection live) {
        return DerivedRecordConsistency.timeline(live);
    }

    @Bean
    DerivedRecordConsistency<EmailProjection, EmailRendering> emailConsistency(EmailProjection live) {
        return DerivedRecordConsistency.emails(live);
    }

    @Bean
    DocumentHistory documentHistory(EventStore eventStore) {
        return new DocumentHistory(eventStore);
    }

    /** Waits for the projections up to the configured read timeout before the API reads what a client just wrote. */
    @Bean
    ReadYourWrites readYourWrites(EventStore eventStore, EventStorageEngine engine, EventProcessingConfiguration processing,
                                  MongoDatabase archiveDatabase, Serializer serializer, PalimpsestProperties properties,
                                  ProjectionProgress progress) {
        ReadYourWrites.Stream stream = new ReadYourWrites.Stream() {
            @Override
            public OptionalLong head() {
                TrackingToken head = eventStore.createHeadToken();
                return head == null ? OptionalLong.empty() : head.position();
            }

            @Override
            public OptionalLong lastEventOf(String aggregateId) {
                // Any other engine (none is configured) cannot say: the head is past the write too.
                return engine instanceof SequencedMongoEventStorageEngine sequenced
                        ? sequenced.lastGlobalIndexOf(aggregateId) : head();
            }

            @Override
            public OptionalLong positionOf(String aggregateId, long sequenceNumber) {
                return engine instanceof SequencedMongoEventStorageEngine sequenced
                        ? sequenced.globalIndexOf(aggregateId, sequenceNumber) : head();
            }
        };
        // The same collection and serializer as the token store's (tokenStore above).
        ReadYourWrites.Trackers trackers = new AxonTrackers(processing,
                DefaultMongoTemplate.builder().mongoDatabase(archiveDatabase).build().trackingTokensCollection(), serializer);
        return new ReadYourWrites(stream, trackers, () -> processing.eventProcessors().keySet(),
                properties.readTimeoutOrDefault(), progress, ReadYourWrites.RECHECK);
    }

    @Bean
    DocumentImporter documentImporter(CommandGateway commandGateway, MongoDatabase archiveDatabase) {
        return new DocumentImporter(commandGateway, new MongoImportKeys(archiveDatabase), Clock.systemUTC());
    }
}
