package org.palimpsest.api.crash;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Clients writing to the archive until it dies: imports, accepted fixes and annotation creations and
 * revisions, each recorded as {@link Acknowledged} only once its success answer has arrived.
 */
final class Writers {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ArchiveProcess archive;
    private final Queue<Acknowledged> acknowledged;
    private final Queue<String> documents = new ConcurrentLinkedQueue<>();
    private final AtomicInteger attempts = new AtomicInteger();
    private final String run;
    private volatile boolean stopped;

    Writers(ArchiveProcess archive, Queue<Acknowledged> acknowledged, List<String> knownDocuments, String run) {
        this.archive = archive;
        this.acknowledged = acknowledged;
        this.documents.addAll(knownDocuments);
        this.run = run;
    }

    int attempts() {
        return attempts.get();
    }

    /** Ends every client's loop after its current write. */
    void stop() {
        stopped = true;
    }

    /** One client's loop; ends when the archive stops answering, or when stopped. */
    void write(Random random, int writer) {
        List<Annotated> mine = new ArrayList<>();
        for (int n = 0; !stopped; n++) {
            attempts.incrementAndGet();
            try {
                int action = random.nextInt(10);
                if (action < 4 || documents.isEmpty()) {
                    importDocument(writer, n);
                } else if (action < 7) {
                    fix(pick(random), random);
                } else if (action < 9 || mine.isEmpty()) {
                    annotate(pick(random), random, mine);
                } else {
                    revise(mine.get(random.nextInt(mine.size())), n);
                }
            } catch (IOException archiveDied) {
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private String pick(Random random) {
        List<String> all = List.copyOf(documents);
        return all.get(random.nextInt(all.size()));
    }

    private void importDocument(int writer, int n) throws IOException, InterruptedException {
        StringBuilder text = new StringBuilder("Probe " + run + " from writer " + writer + ", item " + n + ".\n\n");
        for (int i = 0; i < 12; i++) {
            text.append(word(writer, n, i)).append(' ');
        }
        text.append("\n\nA closing line so the reading view has a second paragraph.\n");
        JsonNode answer = send("POST", "/api/documents", "editor",
                Map.of("text", text.toString(), "title", "probe " + run + "/" + writer + "/" + n, "language", "en"));
        if (answer != null) {
            String id = answer.get("id").asString();
            acknowledged.add(new Acknowledged.Imported(id));
            documents.add(id);
        }
    }

    private void fix(String documentId, Random random) throws IOException, InterruptedException {
        JsonNode view = send("GET", "/api/documents/" + documentId, "reader", null);
        if (view == null) {
            return;
        }
        String[] words = view.get("text").asString().split("\\s+");
        String target = words[random.nextInt(words.length)];
        if (!target.startsWith("w") || !target.equals(target.toLowerCase())) {
            return;
        }
        Map<String, Object> proposal = Map.of("target", Map.of("exact", target), "replacement", target.toUpperCase(),
                "kind", "typo", "reason", "crash test");
        HttpResponse<String> answer = archive.send("POST", "/api/documents/" + documentId + "/fixes?accept=true", "editor",
                proposal, null);
        if (answer.statusCode() == 201) {
            // Proposed and accepted in one command: the Location names the fix, whether or not the view has it yet.
            String location = answer.headers().firstValue("Location").orElseThrow();
            acknowledged.add(new Acknowledged.FixAccepted(documentId, location.substring(location.lastIndexOf('/') + 1)));
        }
    }

    private void annotate(String documentId, Random random, List<Annotated> mine) throws IOException, InterruptedException {
        JsonNode view = send("GET", "/api/documents/" + documentId, "reader", null);
        if (view == null) {
            return;
        }
        String text = view.get("text").asString();
        int start = text.indexOf("closing line");
        if (start < 0) {
            return;
        }
        Map<String, Object> annotation = annotation(documentId, "note " + random.nextInt(1000));
        HttpResponse<String> created = archive.send("POST", "/annotations/", "annotator", annotation, null);
        if (created.statusCode() == 201 || created.statusCode() == 202) {
            String location = created.headers().firstValue("Location").orElseThrow();
            String id = location.substring(location.lastIndexOf('/') + 1);
            long version = version(created);
            acknowledged.add(new Acknowledged.AnnotationAt(id, version));
            mine.add(new Annotated(id, documentId, version));
        }
    }

    private void revise(Annotated annotated, int n) throws IOException, InterruptedException {
        HttpResponse<String> revised = archive.send("PUT", "/annotations/" + annotated.id, "annotator",
                annotation(annotated.documentId, "revised " + n), "\"" + annotated.version + "\"");
        if (revised.statusCode() == 200 || revised.statusCode() == 202) {
            annotated.version = version(revised);
            acknowledged.add(new Acknowledged.AnnotationAt(annotated.id, annotated.version));
        }
    }

    private static Map<String, Object> annotation(String documentId, String comment) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("@context", "http://www.w3.org/ns/anno.jsonld");
        json.put("type", "Annotation");
        json.put("motivation", "commenting");
        json.put("body", Map.of("type", "TextualBody", "value", comment, "format", "text/plain"));
        json.put("target", Map.of("source", "/api/documents/" + documentId,
                "selector", Map.of("type", "TextQuoteSelector", "exact", "closing line")));
        return json;
    }

    private static long version(HttpResponse<String> answer) {
        return Long.parseLong(answer.headers().firstValue("ETag").orElseThrow().replaceAll("[^0-9]", ""));
    }

    private static String word(int writer, int n, int i) {
        return "w" + (char) ('a' + writer) + (char) ('a' + i) + "x" + n;
    }

    private JsonNode send(String method, String path, String user, Object body) throws IOException, InterruptedException {
        HttpResponse<String> answer = archive.send(method, path, user, body, null);
        return answer.statusCode() / 100 == 2 ? JSON.readTree(answer.body()) : null;
    }

    private static final class Annotated {
        final String id;
        final String documentId;
        long version;

        Annotated(String id, String documentId, long version) {
            this.id = id;
            this.documentId = documentId;
            this.version = version;
        }
    }
}
