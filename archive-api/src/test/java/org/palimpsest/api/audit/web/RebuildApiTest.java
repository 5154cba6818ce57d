package org.palimpsest.api.audit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.common.Registration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;
import org.palimpsest.api.ArchiveIntegrationTest;
import org.palimpsest.api.projection.ProjectionRebuilds;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Blue/green rebuilds through the admin API: the live views never go empty and end up identical. */
class RebuildApiTest extends ArchiveIntegrationTest {

    /** Events the held rebuild handles before it stops to wait. */
    private static final int HELD_AFTER = 2;

    @Autowired
    private ProjectionRebuilds rebuilds;

    /**
     * Lets a rebuild processor handle {@code limit} events, then holds every further one, on whichever of its segment
     * threads, until released.
     */
    private static final class HeldRebuild implements MessageHandlerInterceptor<EventMessage<?>> {

        private final int limit;
        private final AtomicInteger arrived = new AtomicInteger();
        private final AtomicInteger handled = new AtomicInteger();
        /** Counted down by each of the first {@code limit} events once handled. */
        private final CountDownLatch allowedHandled;
        private final CountDownLatch holding = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        HeldRebuild(int limit) {
            this.limit = limit;
            this.allowedHandled = new CountDownLatch(limit);
        }

        @Override
        public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
            if (arrived.getAndIncrement() >= limit) {
                // Held only once the events let through are handled, on whichever segment threads they went.
                if (!allowedHandled.await(1, TimeUnit.MINUTES)) {
                    throw new IllegalStateException("the events let through were never handled");
                }
                holding.countDown();
                if (!released.await(2, TimeUnit.MINUTES)) {
                    throw new IllegalStateException("the test never released the rebuild");
                }
            }
            Object result = chain.proceed();
            handled.incrementAndGet();
            allowedHandled.countDown();
            return result;
        }

        void awaitHeld() throws InterruptedException {
            assertThat(holding.await(1, TimeUnit.MINUTES)).as("the rebuild reached event " + (limit + 1)).isTrue();
        }

        int handled() {
            return handled.get();
        }

        void release() {
            released.countDown();
        }
    }

    /** The rebuild's status once it reports a position: the poll that publishes it runs every 100 ms. */
    private JsonNode awaitProgress(String group) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            JsonNode rebuild = get("/api/admin/projections", "admin").json().get("rebuilds").get(group);
            if (rebuild != null && rebuild.get("position").asLong() >= 0) {
                return rebuild;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the rebuild of " + group + " reported no position in ten seconds");
    }

    private JsonNode awaitRebuild(String group) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            JsonNode rebuild = get("/api/admin/projections", "admin").json().get("rebuilds").get(group);
            if (rebuild != null && !rebuild.get("state").asString().equals("building")) {
                return rebuild;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("rebuild of " + group + " did not finish in a minute");
    }

    @Test
    void rebuildsReadingViewsAndTimelineWithoutEverShowingAnEmptyView() throws Exception {
        String tag = "rb" + UUID.randomUUID().toString().substring(0, 6);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(postJson("/api/documents", Map.of("text", "# Note " + i + "\n\n- **March 2019** — the bord met (" + tag + ")."),
                    "editor").json().get("id").asString());
        }
        postJson("/api/documents/" + ids.get(0) + "/fixes?accept=true",
                Map.of("target", Map.of("exact", "bord"), "replacement", "board", "reason", "typo"), "editor");
        JsonNode before = get("/api/documents/" + ids.get(0)).json();
        long documentsBefore = get("/api/documents?size=1").json().get("total").asLong();
        assertThat(documentsBefore).isGreaterThanOrEqualTo(3);
        JsonNode timelineBefore = get("/api/timeline?q=" + tag).json();

        // Hold the rebuild part-way, so the reads below meet it mid-way for certain rather than by luck.
        HeldRebuild held = new HeldRebuild(HELD_AFTER);
        Registration hold = rebuilds.registerRebuildInterceptor(held);
        int generation;
        try {
            Response started = postJson("/api/admin/projections/reading-views/rebuild", Map.of(), "admin");
            assertThat(started.status()).isEqualTo(202);
            generation = started.json().get("generation").asInt();
            held.awaitHeld();
            assertThat(postJson("/api/admin/projections/reading-views/rebuild", Map.of(), "admin").status())
                    .as("a second rebuild while one runs").isEqualTo(409);

            // Blue/green: the live generation answers in full while the next one is half built.
            JsonNode progress = awaitProgress("reading-views");
            assertThat(progress.get("state").asString()).isEqualTo("building");
            assertThat(progress.get("generation").asInt()).isEqualTo(generation);
            assertThat(progress.get("position").asLong()).as("partial progress").isBetween(0L, progress.get("head").asLong() - 1);
            assertThat(get("/api/documents?size=1").json().get("total").asLong()).isEqualTo(documentsBefore);
            for (String id : ids) {
                assertThat(get("/api/documents/" + id).status()).as(id).isEqualTo(200);
            }
            assertThat(get("/api/documents/" + ids.get(0)).json()).isEqualTo(before);
            List<String> collections = database.listCollectionNames().into(new ArrayList<>());
            assertThat(collections).as("the next generation is being built beside the live one")
                    .contains("reading_views_g" + generation);
            assertThat(held.handled()).isEqualTo(HELD_AFTER);
        } finally {
            hold.cancel();
            held.release();
        }
        JsonNode done = awaitRebuild("reading-views");
        assertThat(done.get("state").asString()).isEqualTo("done");

        JsonNode after = get("/api/documents/" + ids.get(0)).json();
        assertThat(after.get("text")).isEqualTo(before.get("text"));
        assertThat(after.get("revision")).isEqualTo(before.get("revision"));
        assertThat(after.get("fixes")).isEqualTo(before.get("fixes"));
        assertThat(after.get("asOf")).isEqualTo(before.get("asOf"));
        List<String> collections = database.listCollectionNames().into(new ArrayList<>());
        assertThat(collections).contains("reading_views_g" + generation).doesNotContain(generation == 1 ? "reading_views" : "reading_views_g" + (generation - 1));

        // The live processor resumed from the rebuild's position: new facts still show up.
        String later = postJson("/api/documents", Map.of("text", "after the rebuild " + tag), "editor").json().get("id").asString();
        assertThat(get("/api/documents/" + later).status()).isEqualTo(200);
        assertThat(get("/api/documents/" + ids.get(1) + "?atPosition=" + before.get("asOf").get("position").asLong()).status())
                .isEqualTo(200);

        assertThat(postJson("/api/admin/projections/timeline/rebuild", Map.of(), "admin").status()).isEqualTo(202);
        assertThat(awaitRebuild("timeline").get("state").asString()).isEqualTo("done");
        assertThat(get("/api/timeline?q=" + tag).json().get("items")).isEqualTo(timelineBefore.get("items"));

        String annotated = postJson("/annotations/", Map.of("type", "Annotation", "motivation", "commenting",
                "body", Map.of("type", "TextualBody", "value", "rebuild me"),
                "target", Map.of("source", "http://localhost:" + port + "/api/documents/" + ids.get(2),
                        "selector", Map.of("type", "TextQuoteSelector", "exact", "the bord met"))), "annotator").header("Location");
        String path = annotated.substring(annotated.indexOf("/annotations/"));
        JsonNode annotationBefore = get(path).json();
        assertThat(postJson("/api/admin/projections/annotations/rebuild", Map.of(), "admin").status()).isEqualTo(202);
        assertThat(awaitRebuild("annotations").get("state").asString()).isEqualTo("done");
        assertThat(get(path).json()).isEqualTo(annotationBefore);
        assertThat(get("/api/documents/" + ids.get(2)).json().get("annotations")).hasSize(1);

        assertThat(postJson("/api/admin/projections/nope/rebuild", Map.of(), "admin").status()).isEqualTo(404);
        assertThat(postJson("/api/admin/projections/timeline/rebuild", Map.of(), "editor").status()).isEqualTo(403);
        assertThat(get("/api/admin/consistency", "admin").json().get("consistent").asBoolean()).isTrue();
    }
}
