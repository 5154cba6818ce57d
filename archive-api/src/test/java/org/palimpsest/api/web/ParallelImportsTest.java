package org.palimpsest.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.palimpsest.api.ArchiveIntegrationTest;
import org.palimpsest.api.projection.PoisonedTimeline;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Four clients import at once through HTTP, and each reads its own document right after the answer: every import is
 * answered with its reading view (201, not 202 "still being built"), and the read that follows finds exactly that
 * text. Prints the rate, the figure issue 11 asks about.
 */
class ParallelImportsTest extends ArchiveIntegrationTest {

    @Autowired
    private PoisonedTimeline timeline;

    private static final int CLIENTS = 4;
    private static final int IMPORTS_PER_CLIENT = 6;

    @Test
    void fourClientsImportInParallelAndEachReadsItsOwnDocumentAtOnce() throws Exception {
        CyclicBarrier start = new CyclicBarrier(CLIENTS);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<Integer>> clients = new ArrayList<>();
            long began = System.nanoTime();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                clients.add(pool.submit((Callable<Integer>) () -> {
                    start.await(30, TimeUnit.SECONDS);
                    int readBack = 0;
                    for (int i = 0; i < IMPORTS_PER_CLIENT; i++) {
                        String text = document(client, i);
                        Response created = postJson("/api/documents", Map.of("text", text, "language", "en"), "editor");
                        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
                        String id = created.json().get("id").asString();

                        Response read = get("/api/documents/" + id);
                        assertThat(read.status()).isEqualTo(200);
                        JsonNode view = read.json();
                        assertThat(view.get("text").asString()).isEqualTo(text);
                        assertThat(view.get("revision").asLong()).isZero();
                        readBack++;
                    }
                    return readBack;
                }));
            }
            int total = 0;
            for (Future<Integer> client : clients) {
                total += client.get(5, TimeUnit.MINUTES);
            }
            double seconds = (System.nanoTime() - began) / 1e9;
            assertThat(total).isEqualTo(CLIENTS * IMPORTS_PER_CLIENT);
            System.out.printf("parallel imports: %d clients, %d documents of ~20 KB in %.2f s: %.1f documents/s%n",
                    CLIENTS, total, seconds, total / seconds);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aWriteThatDoesNotChangeTheTextDoesNotWaitForTheTimeline() throws Exception {
        String id = postJson("/api/documents", Map.of("text", "The bord met in early 2017.\n\n" + UUID.randomUUID()),
                "editor").json().get("id").asString();
        String title = "held " + UUID.randomUUID();
        timeline.holdImportTitled(title);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            // Another client's import holds the timeline processor: its own answer waits for it, as it should.
            Future<Response> heldImport = other.submit(() -> postJson("/api/documents",
                    Map.of("text", document(9, 9), "title", title), "editor"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!timeline.holding(title)) {
                assertThat(System.nanoTime() < deadline).as("the timeline reached the held import").isTrue();
                Thread.sleep(10);
            }

            long began = System.nanoTime();
            Response proposed = postJson("/api/documents/" + id + "/fixes",
                    Map.of("target", Map.of("exact", "bord"), "replacement", "board", "kind", "typo", "reason", "spelling"),
                    "annotator");
            Duration took = Duration.ofNanos(System.nanoTime() - began);

            assertThat(proposed.status()).as(proposed.raw().body()).isEqualTo(201);
            assertThat(proposed.json().get("state").asString()).isEqualTo("pending");
            // The read timeout is 10 s: waiting for every processor would have taken all of it.
            assertThat(took).as("a proposal waits for the reading views only").isLessThan(Duration.ofSeconds(5));
            assertThat(heldImport.isDone()).as("the held import is still waiting for the timeline").isFalse();

            timeline.release(title);
            assertThat(heldImport.get(30, TimeUnit.SECONDS).status()).isEqualTo(201);
        } finally {
            timeline.release(title);
            other.shutdownNow();
        }
    }

    /**
     * About 20 KB of text of its own for each client and import, in English, Korean and Japanese, with a dated
     * statement every few paragraphs and a quoted email, as the archive's articles have them.
     */
    static String document(int client, int index) {
        StringBuilder text = new StringBuilder("# Harbour committee notes " + client + "-" + index + "\n\n");
        int paragraph = 0;
        while (text.length() < 20_000) {
            switch (paragraph % 4) {
                case 0 -> text.append("In ").append(List.of("March", "June", "October").get(paragraph % 3)).append(' ')
                        .append(2010 + paragraph % 12).append(" the committee reviewed the dredging plan for berth ")
                        .append(paragraph).append(". ");
                case 1 -> text.append("항만 위원회는 준설 계획과 부두 ").append(paragraph)
                        .append("번의 보수 일정을 다시 검토했고, 측량 결과를 기다리기로 했다. ");
                case 2 -> text.append("委員会は埠頭").append(paragraph)
                        .append("番の修繕計画について報告書を受け取り、次の会合で議論することにした。");
                default -> text.append("Members asked the surveyor to explain why the soundings near berth ").append(paragraph)
                        .append(" differed from the figures in the previous report. ");
            }
            text.append("The minutes record the discussion at length, the objections raised by the harbour master, ")
                    .append("the replies of the engineers, and the questions left open for the next meeting, ")
                    .append("which the secretary promised to circulate with the revised drawings and cost tables.\n\n");
            if (paragraph == 12) {
                text.append("From: Surveyor ").append(client).append(" <survey@example.org>\n")
                        .append("To: committee@example.org\nSubject: berth ").append(index)
                        .append("\n\nThe soundings are attached.\n\n");
            }
            paragraph++;
        }
        return text.append(UUID.randomUUID()).append('\n').toString();
    }
}
