package org.palimpsest.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.palimpsest.api.MongoUnderTest;
import org.palimpsest.api.PalimpsestApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.palimpsest.archive.serialization.ArchiveJson;

/**
 * A processor whose tokens have another number of segments than configured is split anew before it starts, from the
 * lowest position of its old segments, and left alone while another node holds one of them. Runs on the token store
 * the archive uses, with two nodes.
 */
class SegmentCountTest {

    private static final String PROCESSOR = "reading-views";

    private MongoClient client;
    private MongoDatabase database;
    private TokenStore here;
    private TokenStore otherNode;

    @BeforeEach
    void start() {
        String name = "segments_" + UUID.randomUUID().toString().substring(0, 8);
        client = MongoClients.create(MongoUnderTest.get().uri(name));
        database = client.getDatabase(name);
        here = tokenStore("here");
        otherNode = tokenStore("there");
    }

    @AfterEach
    void stop() {
        database.drop();
        client.close();
    }

    @Test
    void oneSegmentFromBeforeSegmentsBecomesFourAtItsPosition() {
        here.initializeTokenSegments(PROCESSOR, 1, new GapAwareTrackingToken(42, List.of(40L)));

        assertThat(new SegmentCount(here).apply(PROCESSOR, 4)).isTrue();

        assertThat(here.fetchSegments(PROCESSOR)).containsExactly(0, 1, 2, 3);
        assertThat(tokens(otherNode)).as("each new segment is free and starts where the old one stood")
                .containsOnly(new GapAwareTrackingToken(42, List.of(40L)));
    }

    @Test
    void segmentsAtDifferentPositionsRestartFromTheLowest() {
        here.initializeTokenSegments(PROCESSOR, 2, null);
        here.storeToken(new GapAwareTrackingToken(10, List.of()), PROCESSOR, 0);
        here.storeToken(new GapAwareTrackingToken(20, List.of()), PROCESSOR, 1);
        here.releaseClaim(PROCESSOR, 0);
        here.releaseClaim(PROCESSOR, 1);

        assertThat(new SegmentCount(here).apply(PROCESSOR, 4)).isTrue();

        assertThat(tokens(otherNode)).hasSize(4).allSatisfy(token -> assertThat(token.position()).hasValue(10));
    }

    @Test
    void aSegmentWithoutTokenMakesEveryNewSegmentStartAtTheBeginning() {
        here.initializeTokenSegments(PROCESSOR, 2, null);
        here.storeToken(new GapAwareTrackingToken(20, List.of()), PROCESSOR, 1);
        here.releaseClaim(PROCESSOR, 1);

        assertThat(new SegmentCount(here).apply(PROCESSOR, 4)).isTrue();

        assertThat(tokens(otherNode)).hasSize(4).containsOnlyNulls();
    }

    @Test
    void segmentsAnotherNodeHoldsAreLeftAlone() {
        here.initializeTokenSegments(PROCESSOR, 2, new GapAwareTrackingToken(7, List.of()));
        otherNode.fetchToken(PROCESSOR, 1);

        assertThat(new SegmentCount(here).apply(PROCESSOR, 4)).isFalse();

        assertThat(here.fetchSegments(PROCESSOR)).containsExactly(0, 1);
    }

    @Test
    void theConfiguredCountOrANewProcessorIsLeftAlone() {
        here.initializeTokenSegments(PROCESSOR, 4, new GapAwareTrackingToken(3, List.of()));

        assertThat(new SegmentCount(here).apply(PROCESSOR, 4)).isFalse();
        assertThat(new SegmentCount(here).apply("not-started-yet", 4)).isFalse();

        assertThat(here.fetchSegments(PROCESSOR)).containsExactly(0, 1, 2, 3);
        assertThat(here.fetchSegments("not-started-yet")).isEmpty();
    }

    @Test
    void anArchiveStartingOnAStoreFromBeforeSegmentsSplitsItsProcessorsBeforeTheyStart() {
        here.initializeTokenSegments(PROCESSOR, 1, null);
        here.initializeTokenSegments("annotations", 1, null);
        try (ConfigurableApplicationContext archive = new SpringApplicationBuilder(PalimpsestApplication.class)
                .web(WebApplicationType.NONE)
                .run("--spring.mongodb.uri=" + MongoUnderTest.get().uri(database.getName()), "--palimpsest.samples=false")) {
            assertThat(here.fetchSegments(PROCESSOR)).containsExactly(0, 1, 2, 3);
            assertThat(here.fetchSegments("annotations")).as("one segment, in log order").containsExactly(0);
            // A processor with no tokens yet has them made by its worker launcher thread, after the context is up.
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (here.fetchSegments("timeline").length == 0 && System.nanoTime() < deadline) {
                sleep(Duration.ofMillis(50));
            }
            assertThat(here.fetchSegments("timeline")).as("a new processor gets the configured count").hasSize(4);
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Reads every segment's token by claiming and releasing it, as a node starting its processor would. */
    private static List<TrackingToken> tokens(TokenStore store) {
        List<TrackingToken> tokens = new ArrayList<>();
        for (int segment : store.fetchSegments(PROCESSOR)) {
            tokens.add(store.fetchToken(PROCESSOR, segment));
            store.releaseClaim(PROCESSOR, segment);
        }
        return tokens;
    }

    private TokenStore tokenStore(String node) {
        return MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(database).build())
                .serializer(JacksonSerializer.builder().objectMapper(ArchiveJson.objectMapper()).build())
                .nodeId(node)
                .claimTimeout(Duration.ofSeconds(10))
                .build();
    }
}
