package org.palimpsest.api.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Kills the archive (SIGKILL, a child JVM on the embedded store) at a random moment while several clients
 * write, restarts it on the same data directory, and checks that every write it had acknowledged is there,
 * that the log holds no half-written aggregate, and that every projection agrees with the log again.
 * Rounds, writers and seed: {@code -Dcrash.rounds}, {@code -Dcrash.writers}, {@code -Dcrash.seed}.
 */
class CrashRecoveryTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dataDir;

    @Test
    void acknowledgedWritesSurviveKillsAndTheViewsAgreeWithTheLogAfterRestart() throws Exception {
        long seed = Long.getLong("crash.seed", System.nanoTime());
        int rounds = Integer.getInteger("crash.rounds", 3);
        int writers = Integer.getInteger("crash.writers", 4);
        System.out.printf("[crash] seed %d (-Dcrash.seed=%d), %d rounds, %d writers, data in %s%n",
                seed, seed, rounds, writers, dataDir);
        Random random = new Random(seed);
        Path log = dataDir.resolveSibling(dataDir.getFileName() + "-archive.log");
        Queue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
        List<String> documents = new ArrayList<>();

        ArchiveProcess archive = ArchiveProcess.start(dataDir.resolve("store"), log, "--palimpsest.security.demo=true");
        try {
            for (int round = 1; round <= rounds; round++) {
                int before = acknowledged.size();
                Writers clients = new Writers(archive, acknowledged, documents, "r" + round);
                ExecutorService pool = Executors.newFixedThreadPool(writers);
                for (int w = 0; w < writers; w++) {
                    Random own = new Random(random.nextLong());
                    int writer = w;
                    pool.submit(() -> clients.write(own, writer));
                }
                // Kill at a random moment close to an answer (an answer is the moment a write becomes a promise),
                // after three to twelve of this round's acknowledgements, however slow the machine is.
                awaitMoreThan(acknowledged, before + 2 + random.nextInt(10));
                long killAfter = random.nextInt(250);
                Thread.sleep(killAfter);
                archive.kill();
                pool.shutdown();
                assertThat(pool.awaitTermination(90, TimeUnit.SECONDS)).as("writers stop once the archive is dead").isTrue();
                System.out.printf("[crash] round %d: killed %d ms after an acknowledgement; %d writes attempted, %d acknowledged in all%n",
                        round, killAfter, clients.attempts(), acknowledged.size());
                assertThat(acknowledged.size()).as("round %d acknowledged writes before the kill", round).isGreaterThan(before);

                archive = ArchiveProcess.start(dataDir.resolve("store"), log, "--palimpsest.security.demo=true");
                awaitProjectionsCaughtUp(archive);
                assertEverythingAcknowledgedIsThere(archive, acknowledged);
                assertNoHalfWrittenAggregate(archive);
                assertConsistent(archive);
                acknowledged.stream().filter(a -> a instanceof Acknowledged.Imported)
                        .map(a -> ((Acknowledged.Imported) a).documentId())
                        .filter(id -> !documents.contains(id)).forEach(documents::add);
                System.out.printf("[crash] round %d: after restart all %d acknowledged writes are there (%d from this round),"
                        + " no half-written aggregate, consistency check agrees%n", round, acknowledged.size(),
                        acknowledged.size() - before);
            }
        } finally {
            archive.close();
        }
    }

    private static void awaitMoreThan(Queue<Acknowledged> acknowledged, int count) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (acknowledged.size() <= count) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the archive acknowledged no write within 3 minutes");
            }
            Thread.sleep(20);
        }
    }

    private static void assertEverythingAcknowledgedIsThere(ArchiveProcess archive, Queue<Acknowledged> acknowledged)
            throws Exception {
        Map<String, Long> importedInLog = new HashMap<>();
        for (JsonNode event : archive.auditEvents()) {
            if (event.path("type").asString().endsWith("DocumentImported")) {
                importedInLog.merge(event.get("aggregateId").asString(), 1L, Long::sum);
            }
        }
        List<String> missing = new ArrayList<>();
        for (Acknowledged ack : acknowledged) {
            String problem = missing(archive, ack, importedInLog);
            if (problem != null) {
                missing.add(ack + ": " + problem);
            }
        }
        assertThat(missing).as("acknowledged writes missing after the restart").isEmpty();
    }

    private static String missing(ArchiveProcess archive, Acknowledged ack, Map<String, Long> importedInLog) throws Exception {
        if (ack instanceof Acknowledged.Imported imported) {
            if (!importedInLog.containsKey(imported.documentId())) {
                return "no DocumentImported event in the log";
            }
            return status(archive, "/api/documents/" + imported.documentId()) == 200 ? null : "no reading view";
        }
        if (ack instanceof Acknowledged.FixAccepted fix) {
            JsonNode answer = get(archive, "/api/documents/" + fix.documentId() + "/fixes/" + fix.fixId(), "reader");
            return answer != null && "accepted".equals(answer.path("state").asString()) ? null
                    : "fix is " + (answer == null ? "missing" : answer.path("state").asString());
        }
        Acknowledged.AnnotationAt annotation = (Acknowledged.AnnotationAt) ack;
        HttpResponse<String> answer = archive.get("/annotations/" + annotation.annotationId(), "reader");
        long version = answer.statusCode() == 200
                ? Long.parseLong(answer.headers().firstValue("ETag").orElse("-1").replaceAll("[^0-9-]", ""))
                : -1;
        return version >= annotation.version() ? null : "annotation answers " + answer.statusCode() + " at version " + version;
    }

    /** Every aggregate's events are numbered 0, 1, 2… with no gap: nothing was written by halves. */
    private static void assertNoHalfWrittenAggregate(ArchiveProcess archive) throws Exception {
        HttpResponse<String> export = archive.get("/api/admin/events/export", "admin");
        assertThat(export.statusCode()).isEqualTo(200);
        Map<String, List<Long>> sequences = new HashMap<>();
        Set<Long> positions = new HashSet<>();
        long lines = 0;
        for (String line : export.body().split("\n")) {
            JsonNode event = JSON.readTree(line);
            if (event.has("checksum")) {
                continue;
            }
            lines++;
            assertThat(positions.add(event.get("position").asLong())).as("position %s appears once", event.get("position")).isTrue();
            if (event.has("aggregateId")) {
                sequences.computeIfAbsent(event.get("aggregateId").asString(), k -> new ArrayList<>()).add(event.get("sequence").asLong());
            }
        }
        assertThat(lines).isPositive();
        sequences.forEach((aggregate, numbers) -> {
            List<Long> sorted = numbers.stream().sorted().toList();
            for (int i = 0; i < sorted.size(); i++) {
                assertThat(sorted.get(i)).as("event %d of aggregate %s", i, aggregate).isEqualTo((long) i);
            }
        });
    }

    private static void assertConsistent(ArchiveProcess archive) throws Exception {
        JsonNode report = get(archive, "/api/admin/consistency", "admin");
        assertThat(report).as("consistency report").isNotNull();
        assertThat(report.get("consistent").asBoolean()).as("consistency check after restart: %s", report).isTrue();
    }

    private static void awaitProjectionsCaughtUp(ArchiveProcess archive) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        JsonNode status = null;
        while (Instant.now().isBefore(deadline)) {
            status = get(archive, "/api/admin/projections", "admin");
            if (status != null && caughtUp(status)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("projections did not catch up with the log after the restart: " + status);
    }

    private static boolean caughtUp(JsonNode status) {
        for (JsonNode processor : status.get("items")) {
            if (processor.path("error").asBoolean() || processor.path("lag").asLong(1) > 0) {
                return false;
            }
            // Position and lag cover only the segments this node holds. The killed process's claims expire one by one,
            // so the restarted one may hold some segments of a processor while others still wait for it.
            if (processor.has("segmentCount") && processor.path("segments").size() != processor.get("segmentCount").asInt()) {
                return false;
            }
        }
        return status.get("items").size() > 0;
    }

    private static int status(ArchiveProcess archive, String path) throws Exception {
        return archive.get(path, "reader").statusCode();
    }

    private static JsonNode get(ArchiveProcess archive, String path, String user) throws Exception {
        HttpResponse<String> answer = archive.get(path, user);
        return answer.statusCode() == 200 ? JSON.readTree(answer.body()) : null;
    }
}
