package org.palimpsest.api.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.palimpsest.api.ArchiveIntegrationTest;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Issue 10's large document: one 8 MB plain-text upload of adversarial text (one line, no sentence end, thousands of
 * date-like tokens and addresses), then small documents. The small ones must reach the reading views, the timeline
 * and the emails promptly, whatever the large one costs; the large one is either projected or parked and visible to
 * administrators. Timings are printed.
 *
 * <p>The suite's shared context would keep the large document in its event log, and every later consistency check and
 * rebuild of the suite would analyse it again; so this test has a database ({@code palimpsest.test.database}), and
 * hence a context, of its own. Its analysis budget is short so a slow analysis is parked soon.
 */
@TestPropertySource(properties = {"palimpsest.projection.analysis-budget=10s", "palimpsest.test.database=palimpsest_large"})
class LargeDocumentIsolationTest extends ArchiveIntegrationTest {

    /** Under the raw upload limit (8 MiB when this was written), well over any document the archive was built for. */
    private static final int LARGE_BYTES = 8_000_000;
    private static final int SMALL_DOCUMENTS = 4;
    /** A small document's views must be there this soon after its import answered, however busy the large one is. */
    private static final Duration PROMPTLY = Duration.ofSeconds(90);
    private static final Duration LARGE_SETTLES = Duration.ofMinutes(4);
    private static final List<String> VIEWS = List.of("reading-views", "timeline", "emails");

    private final String tag = "big" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void smallDocumentsFlowPastALargeAdversarialOne() {
        assertThat(database.getName()).as("never the suite's shared database").isEqualTo("palimpsest_large");
        byte[] large = adversarialText(LARGE_BYTES).getBytes(StandardCharsets.UTF_8);
        assertThat(large.length).as("UTF-8 bytes, under the upload limit").isBetween(LARGE_BYTES, 8 * 1024 * 1024);
        long start = System.nanoTime();
        Response imported = postRaw("/api/documents?title=" + tag + "-large", "text/plain", large, "editor");
        assertThat(imported.status()).as(imported.raw().body()).isIn(201, 202);
        String largeId = imported.json().get("id").asString();
        System.out.printf("[large] %d bytes imported in %d ms, answered %d%n", large.length, millis(start), imported.status());

        Map<String, Long> importedAt = new LinkedHashMap<>();
        List<String> smallIds = new ArrayList<>();
        for (int i = 0; i < SMALL_DOCUMENTS; i++) {
            String small = tag + "s" + i;
            long before = System.nanoTime();
            Response answer = postJson("/api/documents", Map.of("text", smallText(small), "title", small), "editor");
            assertThat(answer.status()).isIn(201, 202);
            smallIds.add(answer.json().get("id").asString());
            importedAt.put(small, before);
            System.out.printf("[large] small document %d answered %d after %d ms%n", i, answer.status(), millis(before));
        }

        for (int i = 0; i < SMALL_DOCUMENTS; i++) {
            String small = tag + "s" + i;
            String id = smallIds.get(i);
            long since = importedAt.get(small);
            await(small + " in its reading view", since, () -> get("/api/documents/" + id).status() == 200);
            await(small + " in the timeline", since, () -> timelineHas(small, id));
            await(small + " in the emails", since, () -> get("/api/emails?participant=clerk@" + small + ".example")
                    .json().get("total").asInt() == 1);
            System.out.printf("[large] small document %d in every view %d ms after its import%n", i, millis(since));
        }

        long settle = System.nanoTime();
        await("the large document projected or parked in every view", settle, LARGE_SETTLES, () -> caughtUp(VIEWS));
        Map<String, JsonNode> parked = parkedOf(largeId);
        System.out.printf("[large] the large document settled %d ms after the last check, %d ms after its import; parked in %s%n",
                millis(settle), millis(start), parked.keySet());
        parked.forEach((view, letter) -> {
            System.out.printf("[large]   %s: %s at position %s, %s: %s%n", view, letter.get("eventType").asString(),
                    letter.get("position"), letter.get("errorType").asString(), letter.get("errorMessage").asString());
            assertThat(letter.get("errorType").asString()).isNotBlank();
        });
        Response view = get("/api/documents/" + largeId);
        if (parked.containsKey("reading-views")) {
            assertThat(view.status()).isEqualTo(404);
            assertThat(view.json().get("detail").asString()).contains("behind");
        } else {
            assertThat(view.status()).isEqualTo(200);
            JsonNode behind = view.json().get("behind");
            List<String> lagging = new ArrayList<>();
            if (behind != null) {
                behind.forEach(b -> lagging.add(b.get("projection").asString()));
            }
            assertThat(lagging).as("the view says where it is behind").containsExactlyInAnyOrderElementsOf(parked.keySet());
        }
    }

    /** One line of words, dates in many notations, names and addresses, without a single sentence end. */
    private static String adversarialText(int bytes) {
        String[] months = {"January", "Feb", "March", "Sept.", "early", "late", "mid-"};
        SplittableRandom random = new SplittableRandom(10);
        StringBuilder text = new StringBuilder(bytes + 64);
        while (text.length() < bytes) {
            int y = 1950 + random.nextInt(80);
            int m = 1 + random.nextInt(12);
            int d = 1 + random.nextInt(28);
            switch (random.nextInt(9)) {
                case 0 -> text.append(y).append('-').append(m < 10 ? "0" : "").append(m).append('-').append(d < 10 ? "0" : "").append(d);
                case 1 -> text.append(m).append('/').append(d).append('/').append(y);
                case 2 -> text.append(d).append(' ').append(months[random.nextInt(3)]).append(' ').append(y);
                case 3 -> text.append(months[random.nextInt(months.length)]).append(' ').append(y);
                case 4 -> text.append(y).append('–').append(y + 1 + random.nextInt(5));
                case 5 -> text.append("From: Clerk ").append(d).append(" <clerk").append(d).append("@example.org>");
                case 6 -> text.append("Dana Whitlock said on ").append(d).append(" May ").append(y);
                default -> text.append("word").append(random.nextInt(1000));
            }
            text.append(random.nextInt(6) == 0 ? ", " : " ");
        }
        return text.toString();
    }

    private static String smallText(String tag) {
        return """
                # Notes %s

                - **March 2019**: the committee of %s met again.

                ```
                From: Clerk <clerk@%s.example>
                To: Board <board@corvid.example>
                Date: Tue, Mar 12, 2019 at 9:00 AM
                Subject: Minutes %s

                The minutes are attached.
                ```
                """.formatted(tag, tag, tag, tag);
    }

    private boolean timelineHas(String query, String documentId) {
        for (JsonNode event : get("/api/timeline?q=" + query).json().get("items")) {
            for (JsonNode source : event.get("sources")) {
                if (source.get("documentId").asString().equals(documentId)) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean caughtUp(List<String> views) {
        JsonNode status = get("/api/admin/projections", "admin").json();
        int caughtUp = 0;
        for (JsonNode item : status.get("items")) {
            if (views.contains(item.get("name").asString()) && item.get("lag").asLong() == 0
                    && !item.get("error").asBoolean()) {
                caughtUp++;
            }
        }
        return caughtUp == views.size();
    }

    private Map<String, JsonNode> parkedOf(String documentId) {
        Map<String, JsonNode> parked = new LinkedHashMap<>();
        for (JsonNode item : get("/api/admin/projections", "admin").json().get("items")) {
            for (JsonNode letter : item.get("parked")) {
                if (letter.get("sequence").asString().equals(documentId)) {
                    parked.putIfAbsent(item.get("name").asString(), letter);
                }
            }
        }
        return parked;
    }

    private static void await(String what, long since, BooleanSupplier condition) {
        await(what, since, PROMPTLY, condition);
    }

    private static void await(String what, long since, Duration patience, BooleanSupplier condition) {
        long deadline = since + patience.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + patience + ": " + what);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static long millis(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }
}
