package org.palimpsest.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.palimpsest.api.ArchiveIntegrationTest;
import org.palimpsest.archive.eventstore.SequencedMongoEventStorageEngine;
import tools.jackson.databind.JsonNode;

/**
 * Each request that once answered 500, a Tomcat HTML page or Boot's plain JSON error answers a problem now: its status,
 * {@code application/problem+json}, the {@code field} at fault (and batch {@code index}) where there is one, the
 * {@code Allow} header on 405, and not one event recorded.
 */
class ProblemAnswersTest extends ArchiveIntegrationTest {

    /** One measured case: the request (given a document id and a function from user to Authorization value). */
    record Case(String name, BiFunction<String, Function<String, String>, RawHttp.Request> request,
                int status, @Nullable String field, @Nullable Integer index, @Nullable String allow) {
        @Override
        public String toString() {
            return name;
        }
    }

    private String documentId;

    @BeforeEach
    void importDocument() {
        Response created = postJson("/api/documents",
                Map.of("text", "The bord met in early 2017.\n\n" + UUID.randomUUID()), "editor");
        assertThat(created.status()).isEqualTo(201);
        documentId = created.json().get("id").asString();
    }

    static Stream<Case> cases() {
        return Stream.of(
                fix("fix: start 1e30", "{\"target\":{\"exact\":\"bord\",\"start\":1e30},\"replacement\":\"board\"}", "target.start", null),
                fix("fix: start beyond 64 bits", "{\"target\":{\"exact\":\"bord\",\"start\":123456789012345678901234567890},\"replacement\":\"board\"}", "target.start", null),
                fix("fix: start 1.5", "{\"target\":{\"exact\":\"bord\",\"start\":1.5},\"replacement\":\"board\"}", "target.start", null),
                fix("fix: revision \"abc\"", "{\"target\":{\"exact\":\"bord\",\"revision\":\"abc\"},\"replacement\":\"board\"}", "target.revision", null),
                fix("fix: end beyond 64 bits", "{\"target\":{\"exact\":\"bord\",\"end\":-99999999999999999999999},\"replacement\":\"board\"}", "target.end", null),
                fix("fix: target []", "{\"target\":[],\"replacement\":\"board\"}", "target", null),
                fix("fix: target a string", "{\"target\":\"bord\",\"replacement\":\"board\"}", "target", null),
                fix("fix: exact an object", "{\"target\":{\"exact\":{}},\"replacement\":\"board\"}", "target.exact", null),
                fix("fix: exact a number", "{\"target\":{\"exact\":5},\"replacement\":\"board\"}", "target.exact", null),
                fix("fix: kind an object", "{\"target\":{\"exact\":\"bord\"},\"replacement\":\"board\",\"kind\":{\"a\":1}}", "kind", null),
                fix("fix: unknown kind", "{\"target\":{\"exact\":\"bord\"},\"replacement\":\"board\",\"kind\":\"vibes\"}", "kind", 0),
                fix("fix: reason an object", "{\"target\":{\"exact\":\"bord\"},\"replacement\":\"board\",\"reason\":{}}", "reason", null),
                fix("fix: reference a string", "{\"target\":{\"exact\":\"bord\"},\"replacement\":\"board\",\"reference\":\"이사회\"}", "reference", null),
                fix("fix: batch of numbers", "[1,2]", "[0]", 0),
                fix("fix: second of a batch wrong", "[{\"target\":{\"exact\":\"bord\"},\"replacement\":\"board\"},"
                        + "{\"target\":{\"exact\":\"met\",\"start\":true},\"replacement\":\"meet\"}]", "target.start", 1),
                fix("fix: truncated JSON", "{\"target\":{\"exact\":\"bo", null, null),
                new Case("fix: invalid UTF-8", (id, auth) -> RawHttp.Request.of("POST", "/api/documents/" + id + "/fixes")
                        .header("Authorization", auth.apply("annotator"))
                        .body("application/json", new byte[] {'{', '"', 'r', '"', ':', '"', (byte) 0xff, (byte) 0xc0, '"', '}'}),
                        400, null, null, null),
                new Case("import: text a number", (id, auth) -> RawHttp.Request.of("POST", "/api/documents")
                        .header("Authorization", auth.apply("editor"))
                        .body("application/json", bytes("{\"text\":5}")), 400, "text", null, null),
                new Case("CONNECT", (id, auth) -> RawHttp.Request.of("CONNECT", "/api/documents"), 405, null, null, "POST"),
                new Case("CONNECT to an undecodable path", (id, auth) -> RawHttp.Request.of("CONNECT", "/api/documents/%zz"),
                        405, null, null, null),
                // Tomcat refuses the undecodable path before any method is looked at: malformed first.
                new Case("FOO to an undecodable path", (id, auth) -> RawHttp.Request.of("FOO", "/api/documents/%zz"),
                        400, null, null, null),
                new Case("TRACE", (id, auth) -> RawHttp.Request.of("TRACE", "/api/documents/" + id), 405, null, null, "GET"),
                new Case("PATCH unmapped", (id, auth) -> RawHttp.Request.of("PATCH", "/api/documents")
                        .header("Authorization", auth.apply("editor")).body("application/json", bytes("{}")), 405, null, null, "POST"),
                get("path: %2e%2e segment", "/api/documents/%2e%2e/x", 400),
                get("path: encoded slash", "/api/documents/a%2Fb", 400),
                get("path: ;jsessionid=", "/api/documents/x;jsessionid=1", 400),
                get("path: %00", "/api/documents/a%00b", 400),
                get("path: raw control character", "/api/documents/a\u0001b", 400),
                get("path: 10 000-character id", "/api/documents/" + "a".repeat(10_000), 400),
                new Case("header: 20 000 characters", (id, auth) -> RawHttp.Request.of("GET", "/api/documents")
                        .header("X-Padding", "a".repeat(20_000)), 400, null, null, null),
                get("/error called directly", "/error", 404),
                new Case("/error posted to", (id, auth) -> RawHttp.Request.of("POST", "/error").body("application/json", bytes("{}")),
                        404, null, null, null),
                new Case("audit: from year 1e9", (id, auth) -> RawHttp.Request.of("GET",
                        "/api/audit/events?from=%2B1000000000-01-01T00:00:00Z").header("Authorization", auth.apply("auditor")),
                        400, "from", null, null),
                new Case("reading view: asOf year 1e9", (id, auth) -> RawHttp.Request.of("GET",
                        "/api/documents/" + id + "?asOf=-1000000000-01-01T00:00:00Z"), 400, "asOf", null, null),
                get("emails: from year 1e9", "/api/emails?from=%2B1000000000-01-01T00:00:00Z", 400),
                new Case("delete: query not UTF-8", (id, auth) -> RawHttp.Request.of("DELETE", "/annotations/" + id + "?reason=%ff")
                        .header("Authorization", auth.apply("annotator")).header("If-Match", "\"1\""), 400, null, null, null),
                get("documents: atPosition beyond 64 bits", "/api/documents?atPosition=99999999999999999999", 400),
                new Case("annotations: Prefer with control characters", (id, auth) -> RawHttp.Request.of("GET", "/annotations/")
                        .header("Prefer", "return=representation; include=\"\u0001\u0002\""), 400, null, null, null),
                new Case("annotations: Prefer of NUL", (id, auth) -> RawHttp.Request.of("GET", "/annotations/")
                        .header("Prefer", "\u0000"), 400, null, null, null),
                new Case("annotations: unparsable Accept", (id, auth) -> RawHttp.Request.of("GET", "/annotations/")
                        .header("Accept", "???"), 400, "Accept", null, null),
                new Case("reading view: unparsable Accept on a missing document", (id, auth) -> RawHttp.Request.of("GET",
                        "/api/documents/nothing-here").header("Accept", "???"), 404, null, null, null),
                new Case("reading view: Accept image/png only", (id, auth) -> RawHttp.Request.of("GET",
                        "/api/documents/" + id + "?atPosition=-1").header("Accept", "image/png"), 400, "atPosition", null, null),
                new Case("fix: Accept text/html only, refused before it is recorded", (id, auth) -> RawHttp.Request.of("POST",
                        "/api/documents/" + id + "/fixes").header("Authorization", auth.apply("annotator")).header("Accept", "text/html")
                        .body("application/json", bytes("{\"target\":{\"exact\":\"bord\"},\"replacement\":\"board\",\"reason\":\"r\"}")),
                        406, null, null, null),
                new Case("timemap: Accept JSON only", (id, auth) -> RawHttp.Request.of("GET", "/api/documents/" + id + "/timemap")
                        .header("Accept", "application/json"), 406, null, null, null),
                new Case("import: unparsable Content-Type", (id, auth) -> RawHttp.Request.of("POST", "/api/documents")
                        .header("Authorization", auth.apply("editor")).body(";;;", bytes("text")), 415, null, null, null),
                new Case("import: multipart without a boundary", (id, auth) -> RawHttp.Request.of("POST", "/api/documents")
                        .header("Authorization", auth.apply("editor")).body("multipart/form-data", bytes("--x\r\n")),
                        400, null, null, null),
                new Case("import: unknown charset", (id, auth) -> RawHttp.Request.of("POST", "/api/documents")
                        .header("Authorization", auth.apply("editor")).body("text/plain; charset=x-no-such", bytes("text")),
                        415, null, null, null),
                get("documents: undeclared parameter", "/api/documents?langauge=ko", 400, "langauge"),
                get("documents: parameter without a name", "/api/documents?=ko", 400, null),
                get("documents: language=$gt", "/api/documents?language=%24gt", 400, "language"),
                get("documents: language with a bad subtag", "/api/documents?language=en-", 400, "language"),
                get("documents: page given twice", "/api/documents?page=0&page=1", 400, "page"),
                get("documents: page -1", "/api/documents?page=-1", 400, "page"),
                get("emails: page -1", "/api/emails?page=-1", 400, "page"),
                get("timeline: size 0", "/api/timeline?size=0", 400, "size"),
                get("annotations: size 0", "/annotations/?size=0", 400, "size"),
                get("timeline: lang=$gt", "/api/timeline?lang=$gt", 400, "lang"),
                get("timeline: undeclared parameter", "/api/timeline?language=ko", 400, "language"),
                get("fix: undeclared parameter on a read", "/api/documents/x/fixes?State=proposed", 400, "State"),
                new Case("fix: undeclared parameter, refused before it is recorded", (id, auth) -> RawHttp.Request.of("POST",
                        "/api/documents/" + id + "/fixes?force=true").header("Authorization", auth.apply("annotator"))
                        .body("application/json", bytes("{\"target\":{\"exact\":\"bord\"},\"replacement\":\"board\",\"reason\":\"r\"}")),
                        400, "force", null, null),
                new Case("FOO, a made-up method", (id, auth) -> RawHttp.Request.of("FOO", "/api/documents"), 405, null, null, "POST"),
                new Case("PROPFIND as an editor", (id, auth) -> RawHttp.Request.of("PROPFIND", "/api/documents/" + id)
                        .header("Authorization", auth.apply("editor")), 405, null, null, "GET"),
                new Case("annotation: Accept-Datetime year 99999", (id, auth) -> RawHttp.Request.of("GET", "/annotations/" + id)
                        .header("Accept-Datetime", "Sat, 01 Jan 99999 00:00:00 GMT"), 400, null, null, null),
                new Case("request line HTTP/2.0", (id, auth) -> RawHttp.Request.of("GET", "/api/documents").version("HTTP/2.0"),
                        400, null, null, null),
                new Case("request line HTTP/1.2", (id, auth) -> RawHttp.Request.of("GET", "/api/documents").version("HTTP/1.2"),
                        400, null, null, null),
                new Case("import: Transfer-Encoding gzip", (id, auth) -> RawHttp.Request.of("POST", "/api/documents")
                        .header("Authorization", auth.apply("editor")).header("Transfer-Encoding", "gzip"), 400, null, null, null),
                new Case("import: chunked body with a chunk header that is no size", (id, auth) -> RawHttp.Request.of("POST",
                        "/api/documents").header("Authorization", auth.apply("editor")).header("Content-Type", "application/json")
                        .header("Transfer-Encoding", "chunked").version("HTTP/1.1")
                        .body(null, bytes("zz\r\n{\"text\":\"x\"}\r\n0\r\n\r\n")), 400, null, null, null),
                // A well-formed tag, so no 400; no annotation has the id, so its preconditions are not judged (RFC 9110
                // §13.2.1). On an annotation it is 412 (AnnotationPreconditionsTest).
                new Case("annotation: If-Match beyond 64 bits", (id, auth) -> RawHttp.Request.of("PUT", "/annotations/" + id)
                        .header("Authorization", auth.apply("annotator"))
                        .header("If-Match", "\"99999999999999999999999\"")
                        .body("application/json", bytes("{}")), 404, null, null, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void answersAProblem(Case refused) {
        long eventsBefore = events();
        RawHttp.Request request = refused.request().apply(documentId, this::authorization);
        RawHttp.Answer answer = RawHttp.send(port, request);

        assertThat(answer.status()).as("%s\n%s", request.describe(), answer.bodyText()).isEqualTo(refused.status());
        assertThat(answer.isProblem()).as("Content-Type %s of %s", answer.header("Content-Type"), answer.bodyText()).isTrue();
        JsonNode problem = JSON.readTree(answer.bodyText());
        assertThat(problem.get("status").asInt()).isEqualTo(refused.status());
        assertThat(problem.get("type").asString()).startsWith("https://palimpsest.example/problems/");
        if (refused.field() != null) {
            assertThat(problem.path("field").asString()).as(answer.bodyText()).isEqualTo(refused.field());
        }
        if (refused.index() != null) {
            assertThat(problem.path("index").asInt(-1)).isEqualTo(refused.index());
        }
        if (refused.allow() != null) {
            assertThat(answer.header("Allow")).isNotNull().contains(refused.allow()).doesNotContain(refused.name());
        }
        assertThat(events()).as("events recorded by a refused request").isEqualTo(eventsBefore);
    }

    /**
     * The number of stored events. Estimated from the collection's metadata, which is exact while nothing crashes, and
     * cheap: counting the documents reads each one, and once a run has stored oversized events that made every request
     * of the suite cost seconds.
     */
    private long events() {
        return database.getCollection(SequencedMongoEventStorageEngine.EVENTS_COLLECTION).estimatedDocumentCount();
    }

    /** The Authorization value the suite's base class sends for {@code user}. */
    private String authorization(String user) {
        return request("/", user).GET().build().headers().firstValue("Authorization").orElseThrow();
    }

    private static Case fix(String name, String body, @Nullable String field, @Nullable Integer index) {
        return new Case(name, (id, auth) -> RawHttp.Request.of("POST", "/api/documents/" + id + "/fixes")
                .header("Authorization", auth.apply("annotator"))
                .body("application/json", bytes(body)), 400, field, index, null);
    }

    private static Case get(String name, String target, int status) {
        return get(name, target, status, null);
    }

    private static Case get(String name, String target, int status, @Nullable String field) {
        return new Case(name, (id, auth) -> RawHttp.Request.of("GET", target), status, field, null, null);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
