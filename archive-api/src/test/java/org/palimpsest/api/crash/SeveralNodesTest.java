package org.palimpsest.api.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Three archive processes share one store, as nodes behind a load balancer would (ADR 9): the first runs the embedded
 * MongoDB-wire server and the other two connect to its port. Clients write to all three through HTTP; one of the two
 * nodes that only connect, the one holding segments, is killed with SIGKILL. Then its segments must be claimed by the
 * survivors within the claim timeout (plus the interval at which they look), every surviving node must answer reads,
 * and the views must hold every event of the log exactly once: the consistency check agrees, and each document's
 * versions stand at exactly the positions of its events in the log.
 */
class SeveralNodesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(5);
    /** How often a node with a free thread looks for unclaimed segments: a fifth of the claim timeout. */
    private static final Duration CLAIM_INTERVAL = CLAIM_TIMEOUT.dividedBy(5);
    /** Allowance for a loaded machine: the claiming query and the time between two polls of this test. */
    private static final Duration SLACK = Duration.ofSeconds(4);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(20);
    private static final int SEGMENTS = 4;
    /** Two nodes can hold every segment between them, so one may die; with three, the work is spread. */
    private static final int SEGMENTS_PER_NODE = 2;
    /** The processors split into segments; {@code annotations} stays one segment in log order. */
    private static final Set<String> SPLIT = Set.of("reading-views", "timeline", "emails", "users");
    private static final Set<String> PROCESSORS = Set.of("reading-views", "timeline", "emails", "users", "annotations");
    private static final Set<String> DOCUMENT_EVENTS = Set.of("DocumentImported", "DocumentReimported",
            "TranslationFixProposed", "TranslationFixAccepted", "TranslationFixRejected", "TranslationFixReverted");
    private static final Pattern MEMENTO_POSITION = Pattern.compile("\\?atPosition=(\\d+)>; rel=\"memento\"");

    @TempDir
    Path dir;

    @Test
    void aKilledNodesSegmentsAreTakenOverAndEveryEventIsInTheViewsOnce() throws Exception {
        Path log = dir.resolve("nodes.log");
        List<ArchiveProcess> nodes = new ArrayList<>();
        try {
            ArchiveProcess server = ArchiveProcess.start(dir.resolve("node1"), log, settings());
            nodes.add(server);
            String uri = Files.readString(dir.resolve("node1").resolve("embedded-mongo-uri")).strip();
            for (int n = 2; n <= 3; n++) {
                nodes.add(ArchiveProcess.start(dir.resolve("node" + n), log, settings("--spring.mongodb.uri=" + uri)));
            }
            try (MongoClient client = MongoClients.create(uri)) {
                MongoCollection<Document> tokens = client.getDatabase("palimpsest").getCollection("trackingtokens");
                run(nodes, tokens);
            }
        } finally {
            for (ArchiveProcess node : nodes) {
                node.close();
            }
        }
    }

    private void run(List<ArchiveProcess> nodes, MongoCollection<Document> tokens) throws Exception {
        Map<String, Map<Integer, String>> claims = awaitEverySegmentClaimed(tokens, nodes);
        System.out.println("[nodes] claims after start (processor -> segment -> node): " + describe(claims, nodes));
        ArchiveProcess victim = holdingSegments(claims, nodes);
        assertThat(victim).as("one of the nodes that only connect holds segments").isNotNull();
        for (String processor : SPLIT) {
            assertThat(claims.get(processor).values().stream().map(o -> nodeOf(o, nodes)).distinct().count())
                    .as("nodes working on %s", processor).isGreaterThan(1);
        }

        Queue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
        List<Writers> clients = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(nodes.size() * 2);
        Random random = new Random(20261206L);
        for (int n = 0; n < nodes.size(); n++) {
            Writers writers = new Writers(nodes.get(n), acknowledged, List.of(), "node" + (n + 1));
            clients.add(writers);
            for (int w = 0; w < 2; w++) {
                Random own = new Random(random.nextLong());
                int writer = w;
                pool.submit(() -> writers.write(own, writer));
            }
        }
        awaitAcknowledged(acknowledged, 20);

        long killedAt = System.nanoTime();
        victim.kill();
        Duration takeover = awaitTakenOver(tokens, claims, victim, killedAt);
        List<ArchiveProcess> survivors = nodes.stream().filter(node -> node != victim).toList();
        System.out.printf("[nodes] node %d killed; its segments were claimed by the survivors %d ms later (claim timeout %d ms,"
                        + " claim interval %d ms): %s%n", victim.pid(), takeover.toMillis(), CLAIM_TIMEOUT.toMillis(),
                CLAIM_INTERVAL.toMillis(), describe(owners(tokens), nodes));
        assertThat(takeover).as("takeover of the dead node's segments")
                .isLessThanOrEqualTo(CLAIM_TIMEOUT.plus(CLAIM_INTERVAL).plus(SLACK));

        int beforeKill = acknowledged.size();
        awaitAcknowledged(acknowledged, beforeKill + 20);
        clients.forEach(Writers::stop);
        pool.shutdown();
        assertThat(pool.awaitTermination(90, TimeUnit.SECONDS)).as("writers stop").isTrue();
        System.out.printf("[nodes] %d writes acknowledged, %d of them after the kill%n", acknowledged.size(),
                acknowledged.size() - beforeKill);

        ReadAfterWrite readAfterWrite = probeReadAfterWrite(survivors);
        assertThat(readAfterWrite.outcomes()).as("each import answered once its views held it, on whichever node")
                .containsOnlyKeys("201 then 200");
        long head = awaitCaughtUp(tokens, survivors.get(0));
        List<JsonNode> events = survivors.get(0).auditEvents();
        assertThat(events.get(events.size() - 1).get("position").asLong()).as("the last event").isLessThanOrEqualTo(head);

        for (ArchiveProcess node : survivors) {
            assertEveryDocumentReadable(node, events);
        }
        int documents = assertVersionsAtTheEventsPositions(survivors.get(1), events);
        int annotations = assertAnnotationVersionsCounted(survivors.get(0), events);
        JsonNode report = get(survivors.get(0), "/api/admin/consistency", "admin");
        assertThat(report.get("consistent").asBoolean()).as("consistency check: %s", report).isTrue();
        System.out.printf("[nodes] %d events; %d documents with one version per event at its position, %d annotations"
                        + " with one version per event, on both survivors; consistency check agrees. %s%n",
                events.size(), documents, annotations, readAfterWrite);
    }

    private static String[] settings(String... more) {
        List<String> arguments = new ArrayList<>(List.of("--palimpsest.security.demo=true",
                "--palimpsest.projection.segments=" + SEGMENTS,
                "--palimpsest.projection.segments-per-node=" + SEGMENTS_PER_NODE,
                "--palimpsest.projection.claim-timeout=" + CLAIM_TIMEOUT.toSeconds() + "s",
                // Long enough for another node's processors to see an event (they poll the store) and store their
                // tokens: the read-after-write probe asserts that a write waits for segments held elsewhere.
                ArchiveProcess.READ_TIMEOUT + READ_TIMEOUT.toMillis() + "ms"));
        arguments.addAll(List.of(more));
        return arguments.toArray(String[]::new);
    }

    /** Who holds which segment of each processor now: the token store's {@code owner} ({@code pid@host/…}). */
    private static Map<String, Map<Integer, String>> owners(MongoCollection<Document> tokens) {
        Map<String, Map<Integer, String>> owners = new TreeMap<>();
        for (Document token : tokens.find()) {
            String processor = token.getString("processorName");
            if (PROCESSORS.contains(processor)) {
                owners.computeIfAbsent(processor, p -> new TreeMap<>())
                        .put(token.getInteger("segment"), String.valueOf(token.get("owner")));
            }
        }
        return owners;
    }

    private static Map<String, Map<Integer, String>> awaitEverySegmentClaimed(MongoCollection<Document> tokens,
                                                                             List<ArchiveProcess> nodes) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Map<String, Map<Integer, String>> owners = owners(tokens);
        while (System.nanoTime() < deadline) {
            owners = owners(tokens);
            if (owners.keySet().equals(PROCESSORS) && owners.entrySet().stream().allMatch(e ->
                    e.getValue().size() == (SPLIT.contains(e.getKey()) ? SEGMENTS : 1)
                            && e.getValue().values().stream().allMatch(o -> nodeOf(o, nodes) != null))) {
                return owners;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not every segment was claimed by a node: " + owners);
    }

    private static ArchiveProcess holdingSegments(Map<String, Map<Integer, String>> claims, List<ArchiveProcess> nodes) {
        for (ArchiveProcess node : nodes.subList(1, nodes.size())) {
            boolean holds = claims.values().stream().flatMap(s -> s.values().stream()).anyMatch(o -> o.startsWith(owner(node)));
            if (holds) {
                return node;
            }
        }
        return null;
    }

    /** Waits until no segment the victim held is still (or again) its own, and every one has a live owner. */
    private static Duration awaitTakenOver(MongoCollection<Document> tokens, Map<String, Map<Integer, String>> before,
                                           ArchiveProcess victim, long killedAt) throws InterruptedException {
        long deadline = killedAt + Duration.ofSeconds(60).toNanos();
        Map<String, Map<Integer, String>> now = before;
        while (System.nanoTime() < deadline) {
            now = owners(tokens);
            boolean done = true;
            for (var processor : before.entrySet()) {
                for (var segment : processor.getValue().entrySet()) {
                    if (segment.getValue().startsWith(owner(victim))) {
                        String current = now.get(processor.getKey()).get(segment.getKey());
                        done &= current != null && !current.equals("null") && !current.startsWith(owner(victim));
                    }
                }
            }
            if (done) {
                return Duration.ofNanos(System.nanoTime() - killedAt);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the dead node's segments were not taken over within 60 s: " + now);
    }

    /**
     * Waits until every segment of every processor has a token at the head of the log (the last event's position),
     * whichever node holds it, and returns the head.
     */
    private static long awaitCaughtUp(MongoCollection<Document> tokens, ArchiveProcess node) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        Map<String, Long> positions = Map.of();
        long head = -1;
        while (System.nanoTime() < deadline) {
            head = get(node, "/api/admin/projections", "admin").get("head").asLong();
            positions = new TreeMap<>();
            for (Document token : tokens.find()) {
                if (PROCESSORS.contains(token.getString("processorName"))) {
                    positions.put(token.getString("processorName") + "/" + token.getInteger("segment"), index(token));
                }
            }
            long target = head;
            if (positions.size() == SPLIT.size() * SEGMENTS + 1 && positions.values().stream().allMatch(p -> p >= target)) {
                return head;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("segments did not reach the head " + head + ": " + positions);
    }

    /** The position a stored {@code GapAwareTrackingToken} has reached; its JSON is {@code {"index": n, "gaps": […]}}. */
    private static long index(Document token) {
        Object bytes = token.get("token");
        if (!(bytes instanceof Binary binary)) {
            return -1;
        }
        return JSON.readTree(new String(binary.getData(), StandardCharsets.UTF_8)).path("index").asLong(-1);
    }

    private static void assertEveryDocumentReadable(ArchiveProcess node, List<JsonNode> events) throws Exception {
        List<String> documents = events.stream().filter(e -> type(e).equals("DocumentImported"))
                .map(e -> e.get("aggregateId").asString()).toList();
        assertThat(documents).as("documents imported").hasSizeGreaterThan(10);
        JsonNode page = get(node, "/api/documents?size=1", "reader");
        assertThat(page.get("total").asLong()).as("documents listed by node %d", node.pid()).isEqualTo(documents.size());
        for (String id : documents) {
            assertThat(node.get("/api/documents/" + id, "reader").statusCode())
                    .as("node %d reads document %s", node.pid(), id).isEqualTo(200);
        }
    }

    /**
     * Each document's reading view has one version per event of the document, at that event's position: an event
     * applied twice would add a version, one missed would lack its position.
     */
    private static int assertVersionsAtTheEventsPositions(ArchiveProcess node, List<JsonNode> events) throws Exception {
        Map<String, List<Long>> expected = new LinkedHashMap<>();
        for (JsonNode event : events) {
            if (DOCUMENT_EVENTS.contains(type(event))) {
                expected.computeIfAbsent(event.get("aggregateId").asString(), d -> new ArrayList<>())
                        .add(event.get("position").asLong());
            }
        }
        for (var document : expected.entrySet()) {
            HttpResponse<String> timemap = node.get("/api/documents/" + document.getKey() + "/timemap", "reader");
            assertThat(timemap.statusCode()).isEqualTo(200);
            List<Long> versions = new ArrayList<>();
            Matcher memento = MEMENTO_POSITION.matcher(timemap.body());
            while (memento.find()) {
                versions.add(Long.parseLong(memento.group(1)));
            }
            assertThat(versions).as("positions of the versions of document %s", document.getKey())
                    .isEqualTo(document.getValue());
        }
        return expected.size();
    }

    /** Each annotation has one version per event of it. */
    private static int assertAnnotationVersionsCounted(ArchiveProcess node, List<JsonNode> events) throws Exception {
        Map<String, Long> expected = new HashMap<>();
        for (JsonNode event : events) {
            if (type(event).startsWith("Annotation")) {
                expected.merge(event.get("aggregateId").asString(), 1L, Long::sum);
            }
        }
        assertThat(expected).as("annotations written").isNotEmpty();
        for (var annotation : expected.entrySet()) {
            HttpResponse<String> timemap = node.get("/annotations/" + annotation.getKey() + "/timemap", "reader");
            assertThat(timemap.statusCode()).isEqualTo(200);
            long versions = timemap.body().lines().filter(line -> line.contains("/versions/")).count();
            assertThat(versions).as("versions of annotation %s", annotation.getKey()).isEqualTo(annotation.getValue());
        }
        return expected.size();
    }

    /** What an import answered and whether the same node then found the document at once. */
    private record ReadAfterWrite(Map<String, Integer> outcomes) {

        @Override
        public String toString() {
            return "Imports on the survivors and an immediate read on the same node: " + outcomes;
        }
    }

    /**
     * Imports on each survivor and reads the document back at once from the same node, counting the outcomes. A node
     * waits for every segment the write affects, wherever it is claimed (ReadYourWrites reads the token store for the
     * segments of other nodes), so every outcome must be "201 then 200": a 202 would mean the import answered before
     * its views held it, a 404 that a client could not read its own write.
     */
    private static ReadAfterWrite probeReadAfterWrite(List<ArchiveProcess> survivors) throws Exception {
        Map<String, Integer> outcomes = new TreeMap<>();
        for (int i = 0; i < 24; i++) {
            ArchiveProcess node = survivors.get(i % survivors.size());
            String text = "Read-after-write probe " + i + " on node " + node.pid() + ".\n\nIts second paragraph.\n";
            HttpResponse<String> imported = node.send("POST", "/api/documents", "editor",
                    Map.of("text", text, "title", "probe " + i, "language", "en"), null);
            String id = JSON.readTree(imported.body()).path("id").asString();
            int read = node.get("/api/documents/" + id, "reader").statusCode();
            outcomes.merge(imported.statusCode() + " then " + read, 1, Integer::sum);
        }
        return new ReadAfterWrite(outcomes);
    }

    private static void awaitAcknowledged(Queue<Acknowledged> acknowledged, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (acknowledged.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + acknowledged.size() + " writes acknowledged within 2 minutes");
            }
            Thread.sleep(20);
        }
    }

    private static String owner(ArchiveProcess node) {
        return node.pid() + "@";
    }

    private static ArchiveProcess nodeOf(String owner, List<ArchiveProcess> nodes) {
        return nodes.stream().filter(node -> owner.startsWith(owner(node))).findFirst().orElse(null);
    }

    private static String describe(Map<String, Map<Integer, String>> owners, List<ArchiveProcess> nodes) {
        Map<String, Map<Integer, String>> named = new TreeMap<>();
        owners.forEach((processor, segments) -> segments.forEach((segment, owner) -> {
            ArchiveProcess node = nodeOf(owner, nodes);
            named.computeIfAbsent(processor, p -> new TreeMap<>())
                    .put(segment, node == null ? owner : "node" + (nodes.indexOf(node) + 1));
        }));
        return named.toString();
    }

    private static String type(JsonNode event) {
        String type = event.path("type").asString();
        return type.substring(type.lastIndexOf('.') + 1);
    }

    private static JsonNode get(ArchiveProcess node, String path, String user) throws Exception {
        HttpResponse<String> answer = node.get(path, user);
        assertThat(answer.statusCode()).as("GET %s: %s", path, answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }
}
