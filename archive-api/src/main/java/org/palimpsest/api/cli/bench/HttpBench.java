package org.palimpsest.api.cli.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The archive through its real web server, as clients meet it: imports of 20 KB documents and annotation creations
 * and edits from {@value #CLIENTS} concurrent clients (each answer waits for the views, as the API promises), then
 * the latency of a reading view of a 20 KB document with its annotations and of the timeline, one client at a time.
 * The raw rate beside the writes is acknowledged single inserts of the same size from as many clients.
 */
final class HttpBench {

    static final int CLIENTS = 4;
    private static final int DOCUMENT_BYTES = 20_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Results(int imports, double importRate, double rawImportRate, int annotationWrites, double annotationRate,
                   double rawAnnotationRate, int viewAnnotations, Latencies readingView, Latencies readingViewSignedIn,
                   Latencies timeline) {
    }

    private final ScratchArchive archive;
    private final RawStore raw;
    private final Progress progress;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String authorization;

    HttpBench(ScratchArchive archive, RawStore raw, Progress progress) {
        this.archive = archive;
        this.raw = raw;
        this.progress = progress;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (ScratchArchive.ACCOUNT + ":" + archive.password()).getBytes(StandardCharsets.UTF_8));
    }

    Results measure(BenchScale scale, Random random) throws Exception {
        List<String> texts = new ArrayList<>();
        for (int n = 0; n < scale.httpImports(); n++) {
            texts.add(MixtureText.document(random, MixtureText.Language.values()[n % 3], DOCUMENT_BYTES, "http " + n));
        }
        String[] ids = new String[texts.size()];
        progress.step(String.format("HTTP: %,d imports of 20 KB from %d clients", texts.size(), CLIENTS));
        Stopwatch watch = Stopwatch.start();
        concurrently(texts.size(), "imports", n -> {
            Map<String, Object> body = Map.of("text", texts.get(n), "title", "HTTP bench " + n,
                    "language", MixtureText.Language.values()[n % 3].tag);
            ids[n] = json(send("POST", "/api/documents", body, null)).get("id").asString();
        });
        double importRate = watch.rate(texts.size());
        byte[] filler = new byte[DOCUMENT_BYTES];
        random.nextBytes(filler);
        double rawImportRate = raw.concurrentInserts("raw_imports", texts.size(), CLIENTS,
                i -> new Document("n", i).append("text", new String(Base64.getEncoder().encode(filler),
                        StandardCharsets.US_ASCII).substring(0, DOCUMENT_BYTES)));

        // The first document gets viewAnnotations of them, the rest are spread over the others.
        int creations = Math.max(scale.httpAnnotations(), scale.viewAnnotations());
        String[] annotationIds = new String[creations];
        String[] annotated = new String[creations];
        progress.step(String.format("HTTP: %,d annotation creations and %,d edits from %d clients", creations,
                scale.httpEdits(), CLIENTS));
        watch = Stopwatch.start();
        concurrently(creations, "annotation creations", n -> {
            String document = n < scale.viewAnnotations() || ids.length == 1 ? ids[0] : ids[1 + n % (ids.length - 1)];
            annotated[n] = document;
            HttpResponse<String> created = send("POST", "/annotations/", annotation(document, n, "note " + n), null);
            String location = created.headers().firstValue("Location").orElseThrow();
            annotationIds[n] = location.substring(location.lastIndexOf('/') + 1);
        });
        concurrently(scale.httpEdits(), "annotation edits", n -> {
            int which = n % creations;
            long version = 1 + n / creations;
            send("PUT", "/annotations/" + annotationIds[which], annotation(annotated[which], which, "edited " + n),
                    "\"" + version + "\"");
        });
        int annotationWrites = creations + scale.httpEdits();
        double annotationRate = watch.rate(annotationWrites);
        double rawAnnotationRate = raw.concurrentInserts("raw_annotations", annotationWrites, CLIENTS,
                i -> new Document("n", i).append("body", "a note of about the size of an annotation event ".repeat(12)));

        progress.step("HTTP: reading view and timeline latency");
        Latencies view = latencies(scale.latencySamples(), "/api/documents/" + ids[0], false);
        Latencies viewSignedIn = latencies(Math.max(10, scale.latencySamples() / 5), "/api/documents/" + ids[0], true);
        Latencies timeline = latencies(scale.latencySamples(), "/api/timeline", false);
        JsonNode read = json(send("GET", "/api/documents/" + ids[0], null, null));
        int shown = read.get("annotations").size();
        return new Results(texts.size(), importRate, rawImportRate, annotationWrites, annotationRate, rawAnnotationRate,
                shown, view, viewSignedIn, timeline);
    }

    private Latencies latencies(int samples, String path, boolean signedIn) throws Exception {
        double[] millis = new double[samples];
        for (int i = -10; i < samples; i++) {
            Stopwatch watch = Stopwatch.start();
            exchange("GET", path, null, null, signedIn);
            if (i >= 0) {
                millis[i] = watch.millis();
            }
        }
        return Latencies.of(millis);
    }

    private interface Request {
        void send(int n) throws Exception;
    }

    /** Runs {@code count} requests from {@value #CLIENTS} clients, each taking the next number. */
    private void concurrently(int count, String what, Request request) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                clients.add(pool.submit(() -> {
                    for (int n = next.getAndIncrement(); n < count; n = next.getAndIncrement()) {
                        request.send(n);
                        done.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> running : clients) {
                while (true) {
                    try {
                        running.get(500, java.util.concurrent.TimeUnit.MILLISECONDS);
                        break;
                    } catch (java.util.concurrent.TimeoutException stillRunning) {
                        progress.count(what, done.get(), count);
                    }
                }
            }
            progress.count(what, done.get(), count);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Map<String, Object> annotation(String documentId, int n, String comment) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("@context", "http://www.w3.org/ns/anno.jsonld");
        json.put("type", "Annotation");
        json.put("motivation", "commenting");
        json.put("body", Map.of("type", "TextualBody", "value", comment, "format", "text/plain"));
        json.put("target", Map.of("source", "/api/documents/" + documentId,
                "selector", Map.of("type", "TextQuoteSelector", "exact", "[P" + (1 + n % 5) + "]")));
        return json;
    }

    private HttpResponse<String> send(String method, String path, @Nullable Object body, @Nullable String ifMatch)
            throws IOException, InterruptedException {
        return exchange(method, path, body, ifMatch, true);
    }

    private HttpResponse<String> exchange(String method, String path, @Nullable Object body, @Nullable String ifMatch,
                                          boolean signedIn) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(archive.uri(path)).timeout(Duration.ofMinutes(5));
        if (signedIn) {
            request.header("Authorization", authorization);
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8));
        }
        HttpResponse<String> answer = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (answer.statusCode() / 100 != 2) {
            String text = answer.body();
            throw new IllegalStateException(method + " " + path + " answered " + answer.statusCode() + ": "
                    + text.substring(0, Math.min(400, text.length())));
        }
        return answer;
    }

    private static JsonNode json(HttpResponse<String> answer) {
        return JSON.readTree(answer.body());
    }
}
