package org.palimpsest.api.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Generates hostile requests from one seeded {@link Random}, so a failing run is repeated by its seed: bodies of wrong
 * types, huge numbers, deep nesting, invalid UTF-8 (overlong forms, surrogates, cut sequences), random and truncated
 * JSON and the wrong content types; garbage in {@code Prefer}, {@code If-Match}, {@code Accept},
 * {@code Accept-Datetime}, {@code Content-Type} and {@code Authorization}; query parameters the endpoint declares
 * with out-of-range, malformed or repeated values, and parameters no endpoint declares; path variables filled with
 * existing ids or with encodings, dot segments, control characters and very long ids; methods no endpoint maps; and
 * a few fixed requests that once hurt the archive ({@link #knownCases()}), oversized bodies among them.
 */
final class HostileRequests {

    /**
     * An endpoint to aim at: a method and path pattern, the query parameters its handler declares, and whether the
     * handler is the archive's own (so refuses undeclared parameters) rather than a library's (the OpenAPI document).
     */
    record Endpoint(String method, String pattern, Set<String> parameters, boolean own) {
        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    /**
     * A generated request, with what its answer must be beyond "no 5xx, every error a problem": refused (any 4xx),
     * because {@code mustRefuse} says why, or exactly {@code status}.
     */
    record Generated(String label, RawHttp.Request request, @Nullable String mustRefuse, @Nullable Integer status) {

        static Generated plain(String label, RawHttp.Request request) {
            return new Generated(label, request, null, null);
        }
    }

    /** A JSON token written as is: numbers and words no serializer would produce. */
    record Raw(String json) {
    }

    /** Ids of things that exist, so that some requests get past the lookup to the parsing behind it. */
    record Existing(String documentId, String fixId, String annotationId, String fixExact) {
    }

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}/]+)}");

    private static final List<Object> HOSTILE_VALUES = List.of(
            new Raw("1e30"), new Raw("-1e308"), new Raw("1e999999"), new Raw("123456789012345678901234567890"),
            new Raw("9223372036854775808"), new Raw("-9223372036854775809"), new Raw("2147483648"), new Raw("1.5"),
            new Raw("-1"), new Raw("0"), new Raw("-0.0"), new Raw("9".repeat(2_000)), new Raw("NaN"), new Raw("Infinity"),
            new Raw("0x10"), new Raw("01"), new Raw("\"\\ud800\""), new Raw("\"\\udc00x\""), new Raw("\"a\\ud83d\""), new Raw("\"\\u0000\""), new Raw("\"\\x\""),
            "abc", "", " ", "\u0000", "\u202e", "𝔏", "x".repeat(70_000), "2024-13-45T99:99:99Z", "+1000000000-01-01T00:00:00Z",
            true, false, new Raw("null"), List.of(), Map.of(), List.of(1, "a", List.of()), Map.of("a", Map.of()),
            "typo", "TYPO", "accepted", "http://localhost/annotations/x", "/api/documents/../../etc");

    private static final List<String> KEYS = List.of("target", "exact", "prefix", "suffix", "start", "end", "revision",
            "replacement", "kind", "reason", "reference", "text", "language", "title", "sourceUri", "publisher",
            "publishedAt", "comment", "@context", "type", "motivation", "body", "bodyValue", "selector", "source", "value",
            "format", "purpose", "id", "creator", "palimpsest:revision", "items", "", "\u0000", "__proto__");

    private static final List<String> CONTENT_TYPES = List.of("application/json", "application/json", "application/json",
            "application/json", "application/json", "application/json", "application/json; charset=UTF-8",
            "application/ld+json; profile=\"http://www.w3.org/ns/anno.jsonld\"", "application/ld+json", "text/plain",
            "text/markdown", "text/plain; charset=UTF-16", "text/plain; charset=x-no-such", "text/markdown; charset=\"",
            ";;;", "application/json; charset=ebcdic-cp-us", "multipart/form-data", "application/x-www-form-urlencoded",
            "application/x-ndjson", "text/markdown; charset=UTF-8", "application/json; charset=UTF-16BE", "text/*",
            "*/*", "application/*", "", "application/json\u0001", "application/problem+json", "image/png");

    private static final List<String> ACCEPTS = List.of("???", "image/png", "application/json;q=0", "*/*;q=abc",
            "text/html", "application/ld+json", "application/ld+json;profile=\"\u00ff\"", ";", "*/x", "application/json, */*;q=2",
            "a/b; q=0.5, " + "c/d, ".repeat(200), "\u0001");

    private static final List<String> PREFERS = List.of("return=representation", "return=representation; include=\"",
            "return=representation; include=\"http://www.w3.org/ns/ldp#PreferMinimalContainer\"", "return=minimal",
            "respond-async, wait=-1", "include=\"" + "x ".repeat(2_000) + "\"", "\u00ff\u00fe", "return=\u0001",
            "handling=strict; return=representation; include=\"\"\"\"");

    private static final List<String> IF_MATCHES = List.of("\"1\"", "\"2\"", "*", "\"99999999999999999999999\"", "W/\"1\"",
            "garbage", "\"-1\"", "", "\"1\", \"2\"", "\"", "\"\u0001\"", "\"1e3\"");

    private static final List<String> ACCEPT_DATETIMES = List.of("Wed, 06 Mar 2024 09:00:00 GMT", "yesterday",
            "Sat, 01 Jan 99999 00:00:00 GMT", "Mon, 32 Foo 2024 25:61:61 GMT", "", "\u00e9t\u00e9");

    private static final List<String> GARBAGE_SEGMENTS = List.of("%2e%2e", "..", ".", "%2F", "a%2fb", "%00", "a%00",
            "%ff%fe", "%", "%zz", ";x=y", "a;jsessionid=1", "a\u0001b", "a\tb", "\u00e9\u00ff", "%E2%80%AE", "%F0%9F%92%A9",
            "\\", "~", "*", "'", "%22", "%3Cscript%3E", "{x}", "%7B%7D", "a".repeat(10_000), "b".repeat(3_000), "-1",
            "99999999999999999999999", "00000000-0000-0000-0000-000000000000", "%20", "%0d%0a", "reading-views%00");

    /** Query values: out of range, malformed, empty, not UTF-8 once decoded, or plausible. */
    private static final List<String> PARAMETER_VALUES = List.of("%24gt", "$gt", "-1", "0", "1", "99999999999999999999",
            "1e30", "abc", "%2B1000000000-01-01T00:00:00Z", "-1000000000-01-01T00:00:00Z", "2024-02-30",
            "2024-03-06T09:00:00Z", "2017", "%ff", "%", "%zz", "", "%00", "%C0%AF", "%ED%A0%80", "en", "ko-KR", "x-",
            "en_US", "true", "maybe", "json", "timelinejs", "proposed", "a+b", "r".repeat(5_000), "%E2%80%AE");

    /** Parameter names that no endpoint declares: typos of real ones, and worse. */
    static final List<String> UNDECLARED = List.of("langauge", "pgae", "sizee", "x", "__proto__", "as_of", "q[]",
            "filter[language]", "%24where", "a%00b");

    /** Methods no endpoint maps, sent to paths that exist. */
    private static final List<String> UNMAPPED_METHODS = List.of("CONNECT", "TRACE", "PROPFIND", "FOO", "BREW", "PURGE",
            "M-SEARCH", "LINK");

    /** Paths that no router should take apart without a problem answer. */
    private static final List<String> BAD_PATHS = List.of("/api/documents/%2e%2e/%2e%2e/etc/passwd", "/%", "/%%",
            "/api;x=1/documents", "//api//documents", "/api/documents/\u00ff", "/api/documents/%C0%AF",
            "/api/documents/%ED%A0%80", "/api/./documents", "/api/documents/..;/admin/users", "/api/" + "a".repeat(9_000),
            "/api/documents/" + "%61".repeat(3_000), "/annotations/%2F%2F", "/api/documents?%", "/api/documents?=x",
            "/api/documents?&&&", "/*", "*", "/api/documents#x", "/api/documents/%0d%0aX-Injected:%201",
            "/api/admin/projections/%2e%2e%2fusers/rebuild", "/swagger-ui/../api/admin/users", "/v3/api-docs/%ff");

    private static final List<String> ROLES = List.of("", "reader", "annotator", "editor", "auditor", "admin", "garbage");

    private final Random random;
    private final Existing existing;
    private final Function<String, String> authorization;

    HostileRequests(Random random, Existing existing, Function<String, String> authorization) {
        this.random = random;
        this.existing = existing;
        this.authorization = authorization;
    }

    /** A hostile request to {@code endpoint}, now and then with a method or path no endpoint has. */
    Generated next(Endpoint endpoint) {
        int variant = random.nextInt(100);
        if (variant < 4) {
            String method = pick(UNMAPPED_METHODS);
            RawHttp.Request request = withCaller(RawHttp.Request.of(method, target(endpoint.pattern(), false)), true);
            // CONNECT's target is an authority, so Tomcat may refuse the request line itself (400) instead.
            return new Generated(method + " (unmapped)", request, method + " is no method of this archive", null);
        }
        if (variant < 7) {
            RawHttp.Request request = withCaller(RawHttp.Request.of(pick(List.of("GET", "POST", "DELETE")), pick(BAD_PATHS)),
                    chance(0.5));
            return Generated.plain("(bad path)", chance(0.5) ? request : request.body("application/json", utf8("{}")));
        }
        boolean write = !endpoint.method().equals("GET") && !endpoint.method().equals("HEAD");
        StringBuilder target = new StringBuilder(target(endpoint.pattern(), true));
        String mustRefuse = chance(0.45) ? query(endpoint, target) : null;
        RawHttp.Request request = withCaller(RawHttp.Request.of(endpoint.method(), target.toString()), write);
        headers(request);
        if (write ? chance(0.08) : chance(0.85)) {
            return new Generated(endpoint.toString(), request, mustRefuse, null);
        }
        String contentType = chance(0.05) ? null : pick(CONTENT_TYPES);
        return new Generated(endpoint.toString(), request.body(contentType, body(endpoint.pattern())), mustRefuse, null);
    }

    /** The caller: for a write mostly an account that may write, so most get past security to the parsing behind. */
    private RawHttp.Request withCaller(RawHttp.Request request, boolean write) {
        String user = write ? chance(0.85) ? pick(List.of("admin", "editor", "editor", "annotator", "annotator"))
                : pick(List.of("reader", "", "garbage")) : pick(ROLES);
        if (user.equals("garbage")) {
            request.header("Authorization", pick(List.of("Basic !!!", "Bearer x", "Basic " + java.util.Base64.getEncoder()
                    .encodeToString("nobody:nothing".getBytes(StandardCharsets.UTF_8)), "Basic", "\u00ff", "Basic "
                    // Never a real account's name: failed sign-ins throttle that account for the rest of the suite.
                    + java.util.Base64.getEncoder().encodeToString("nobody:\u00ff".getBytes(StandardCharsets.ISO_8859_1)))));
        } else if (!user.isEmpty()) {
            request.header("Authorization", authorization.apply(user));
        }
        return request;
    }

    private void headers(RawHttp.Request request) {
        if (chance(0.3)) {
            request.header("Accept", pick(ACCEPTS));
        }
        if (chance(0.25)) {
            request.header("Prefer", pick(PREFERS));
        }
        if (chance(0.3)) {
            request.header("If-Match", pick(IF_MATCHES));
        }
        if (chance(0.05)) {
            request.header("If-None-Match", pick(IF_MATCHES));
        }
        if (chance(0.2)) {
            request.header("Accept-Datetime", pick(ACCEPT_DATETIMES));
        }
        if (chance(0.03)) {
            request.header("X-Padding", "p".repeat(9_000 + random.nextInt(4_000)));
        }
        if (chance(0.03)) {
            request.header("X-Control", "a\u0000b\u007f");
        }
        if (chance(0.02)) {
            request.header("Range", pick(List.of("bytes=0-", "bytes=99999999999999999999-", "bytes=-0", "lines=1-2")));
        }
    }

    /**
     * Appends one to three query parameters to {@code target}: mostly those the endpoint declares, with hostile values
     * or twice, sometimes one that no endpoint declares. Answers why the request must be refused, if it must.
     */
    private @Nullable String query(Endpoint endpoint, StringBuilder target) {
        List<String> declared = new ArrayList<>(endpoint.parameters());
        String mustRefuse = null;
        char separator = '?';
        for (int i = 1 + random.nextInt(3); i > 0; i--) {
            String name;
            if (declared.isEmpty() || chance(0.25)) {
                name = pick(UNDECLARED);
                if (endpoint.own()) {
                    mustRefuse = "undeclared query parameter " + name;
                }
            } else {
                name = pick(declared);
            }
            String value = pick(PARAMETER_VALUES);
            if (endpoint.own() && (name.equals("language") || name.equals("lang"))
                    && (value.equals("$gt") || value.equals("%24gt") || value.equals("x-") || value.equals("a+b"))) {
                mustRefuse = name + "=" + value + " is no BCP 47 tag";
            }
            target.append(separator).append(name).append('=').append(value);
            separator = '&';
            if (chance(0.1)) {
                target.append('&').append(name).append('=').append(pick(PARAMETER_VALUES));
            }
        }
        return mustRefuse;
    }

    private String target(String pattern, boolean mayAppend) {
        Matcher variables = VARIABLE.matcher(pattern);
        StringBuilder path = new StringBuilder();
        while (variables.find()) {
            String value = chance(0.6) ? existingValue(variables.group(1), pattern) : pick(GARBAGE_SEGMENTS);
            variables.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        variables.appendTail(path);
        if (mayAppend && chance(0.08)) {
            path.append(pick(List.of("/", "/..", "/%2e", "//", "#fragment", ";x=y")));
        }
        return path.toString();
    }

    private String existingValue(String variable, String pattern) {
        return switch (variable) {
            case "documentId" -> existing.documentId();
            case "fixId" -> existing.fixId();
            case "id" -> pattern.startsWith("/annotations") ? existing.annotationId()
                    : pattern.startsWith("/api/emails") ? "unknown-email" : existing.documentId();
            case "version", "revision" -> pick(List.of("0", "1", "2"));
            // A real projection name would start a full rebuild mid-suite: that is a valid command, not a hostile one.
            case "name" -> pattern.contains("/users/") ? pick(List.of("reader", "editor", "admin", "nobody"))
                    : "no-such-projection";
            case "role" -> pick(List.of("reader", "annotator", "editor", "auditor", "admin", "root"));
            default -> "unknown-" + variable;
        };
    }

    /**
     * Requests that once answered 5xx, bloated the store or were taken in wrongly, each sent once per run: the
     * oversized bodies among them are the only huge requests of the suite, so it stays fast.
     */
    List<Generated> knownCases() {
        String editor = authorization.apply("editor");
        String annotator = authorization.apply("annotator");
        String documents = "/api/documents";
        String fixes = documents + "/" + existing.documentId() + "/fixes";
        List<Generated> cases = new ArrayList<>();
        // Oversized: over the 10 MB body limit in every content type, and past MongoDB's 16 MB document.
        cases.add(refused("import: 12 MB JSON title", post(documents, editor, "application/json",
                utf8("{\"text\":\"A short text.\",\"title\":\"" + "t".repeat(12 << 20) + "\"}"))));
        cases.add(refused("import: 17 MB JSON text", post(documents, editor, "application/json",
                utf8("{\"text\":\"" + "Words and more words. ".repeat((17 << 20) / 22) + "\"}"))));
        cases.add(refused("import: 11 MB text/plain", post(documents, editor, "text/plain",
                utf8("Plain line of text.\n".repeat((11 << 20) / 20)))));
        cases.add(refused("import: 11 MB NDJSON", post(documents, editor, "application/x-ndjson",
                utf8("{\"text\":\"x\"}\n".repeat((11 << 20) / 13)))));
        cases.add(refused("fix: 12 MB of whitespace", post(fixes, annotator, "application/json",
                utf8("{\"target\":{\"exact\":\"" + existing.fixExact() + "\"}," + " ".repeat(12 << 20)
                        + "\"replacement\":\"board\",\"reason\":\"spelling\"}"))));
        cases.add(refused("fix review: 12 MB comment", post(fixes + "/" + existing.fixId() + "/reject", editor,
                "application/json", utf8("{\"comment\":\"" + "c".repeat(12 << 20) + "\"}"))));
        // Not Unicode scalar values: lone surrogates escaped in JSON, encoded surrogates, overlong forms.
        cases.add(refused("import: lone surrogate in text", post(documents, editor, "application/json",
                utf8("{\"text\":\"Before \\ud83d after.\"}"))));
        cases.add(refused("import: lone surrogate in title", post(documents, editor, "application/json",
                utf8("{\"text\":\"A text of its own.\",\"title\":\"\\udc00\"}"))));
        cases.add(refused("import: overlong '/' in JSON", post(documents, editor, "application/json",
                concat(utf8("{\"text\":\"a"), new byte[] {(byte) 0xc0, (byte) 0xaf}, utf8("b\"}")))));
        cases.add(refused("import: encoded surrogate in JSON", post(documents, editor, "application/json",
                concat(utf8("{\"text\":\"a"), new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, utf8("b\"}")))));
        cases.add(refused("import: front matter only", post(documents, editor, "text/markdown",
                utf8("---\ntitle: Nothing below\nlanguage: en\n---\n"))));
        cases.add(refused("fix: lone surrogate in exact", post(fixes, annotator, "application/json",
                utf8("{\"target\":{\"exact\":\"\\ud83d\"},\"replacement\":\"x\",\"reason\":\"r\"}"))));
        cases.add(refused("annotation: lone surrogate in exact", post("/annotations/", annotator, "application/ld+json",
                utf8("{\"type\":\"Annotation\",\"bodyValue\":\"note\",\"target\":{\"source\":\"/api/documents/"
                        + existing.documentId() + "\",\"selector\":{\"type\":\"TextQuoteSelector\",\"exact\":\"\\udc00\"}}}"))));
        // Wrong types, out-of-range values, unknown parameters and methods.
        cases.add(refused("fix: start beyond 64 bits", post(fixes, annotator, "application/json",
                utf8("{\"target\":{\"exact\":\"bord\",\"start\":123456789012345678901234567890},\"replacement\":\"b\"}"))));
        cases.add(refused("fix: batch of numbers", post(fixes, annotator, "application/json", utf8("[1,2,3]"))));
        cases.add(refused("documents: language=$gt", RawHttp.Request.of("GET", documents + "?language=%24gt")));
        cases.add(refused("documents: undeclared langauge", RawHttp.Request.of("GET", documents + "?langauge=ko")));
        cases.add(refused("documents: page twice", RawHttp.Request.of("GET", documents + "?page=0&page=1")));
        cases.add(refused("timeline: lang=$gt", RawHttp.Request.of("GET", "/api/timeline?lang=$gt")));
        cases.add(refused("audit: from year 1e9", RawHttp.Request.of("GET",
                "/api/audit/events?from=%2B1000000000-01-01T00:00:00Z").header("Authorization", authorization.apply("auditor"))));
        cases.add(refused("fixes: accept given twice", post(fixes + "?accept=false&accept=true", annotator, "application/json",
                utf8("{\"target\":{\"exact\":\"bord\"},\"replacement\":\"board\",\"reason\":\"r\"}"))));
        // The request line and framing: protocols Tomcat does not speak, lengths that contradict each other.
        for (String version : List.of("HTTP/2.0", "HTTP/3.0", "HTTP/1.2", "HTTP/9.9", "HTTP/x", "HTTPS/1.1")) {
            cases.add(Generated.plain("request line " + version, RawHttp.Request.of("GET", documents).version(version)));
        }
        cases.add(refused("Content-Length not a number", RawHttp.Request.of("POST", documents)
                .header("Authorization", editor).header("Content-Length", "ten")));
        cases.add(refused("Content-Length twice, differing", post(documents, editor, "application/json",
                utf8("{\"text\":\"x\"}")).header("Content-Length", "3")));
        cases.add(refused("chunked and Content-Length", post(documents, editor, "application/json",
                utf8("{\"text\":\"x\"}")).header("Transfer-Encoding", "chunked")));
        cases.add(refused("Transfer-Encoding gzip", RawHttp.Request.of("POST", documents).header("Authorization", editor)
                .header("Transfer-Encoding", "gzip")));
        for (String method : UNMAPPED_METHODS) {
            if (!method.equals("CONNECT")) {
                cases.add(new Generated(method + " /api/documents", RawHttp.Request.of(method, documents), null, 405));
            }
        }
        cases.add(new Generated("CONNECT", RawHttp.Request.of("CONNECT", documents), null, 405));
        return cases;
    }

    private static Generated refused(String label, RawHttp.Request request) {
        return new Generated(label, request, label, null);
    }

    private static RawHttp.Request post(String path, String authorization, String contentType, byte[] body) {
        return RawHttp.Request.of("POST", path).header("Authorization", authorization).body(contentType, body);
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return all.toByteArray();
    }

    private byte[] body(String pattern) {
        int kind = random.nextInt(100);
        if (kind < 35) {
            return utf8(json(mutate(template(pattern))));
        }
        if (kind < 55) {
            return utf8(json(randomJson(0)));
        }
        if (kind < 62) {
            return utf8(deepNesting(500 + random.nextInt(3_000)));
        }
        if (kind < 72) {
            String whole = json(template(pattern));
            return utf8(whole.substring(0, random.nextInt(Math.max(1, whole.length()))));
        }
        if (kind < 82) {
            return invalidUtf8(json(template(pattern)));
        }
        if (kind < 88) {
            byte[] noise = new byte[random.nextInt(300)];
            random.nextBytes(noise);
            return noise;
        }
        if (kind < 92) {
            return new byte[0];
        }
        return utf8(pick(List.of("[]", "null", "0", "\"\"", "[" + "{},".repeat(600) + "{}]", "{\"a\":1}{\"b\":2}",
                "{\"target\":{\"exact\":\"x\"},\"target\":[]}", "\uFEFF{}", "{'single':'quotes'}", "{\"a\":1,}")));
    }

    /** A body of the shape the endpoint takes, so that one mutation gets as far as binding. */
    private Map<String, Object> template(String pattern) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (pattern.endsWith("/fixes")) {
            body.put("target", new LinkedHashMap<>(Map.of("exact", existing.fixExact(), "start", 4, "revision", 0)));
            body.put("replacement", "board");
            body.put("kind", "typo");
            body.put("reason", "spelling");
            body.put("reference", new LinkedHashMap<>(Map.of("text", "이사회", "language", "ko")));
        } else if (pattern.equals("/api/documents")) {
            body.put("text", "Hostile import " + random.nextInt(1_000_000));
            body.put("title", "t");
            body.put("language", "en");
            body.put("publishedAt", "2024-03-06");
        } else if (pattern.startsWith("/annotations") && !pattern.endsWith("hide") && !pattern.endsWith("restore")) {
            body.put("@context", "http://www.w3.org/ns/anno.jsonld");
            body.put("type", "Annotation");
            body.put("motivation", "commenting");
            body.put("body", new LinkedHashMap<>(Map.of("type", "TextualBody", "value", "note", "format", "text/plain")));
            Map<String, Object> target = new LinkedHashMap<>();
            target.put("source", "/api/documents/" + existing.documentId());
            target.put("selector", new ArrayList<>(List.of(new LinkedHashMap<>(Map.of("type", "TextQuoteSelector",
                    "exact", existing.fixExact())), new LinkedHashMap<>(Map.of("type", "TextPositionSelector", "start", 4,
                    "end", 8)))));
            target.put("palimpsest:revision", 0);
            body.put("target", target);
        } else if (pattern.endsWith("hide") || pattern.endsWith("restore")) {
            body.put("reason", "moderation");
        } else {
            body.put("comment", "reviewed");
        }
        return body;
    }

    /** The template with one value replaced by a hostile one, one key dropped, or an unknown key added. */
    @SuppressWarnings("unchecked")
    private Object mutate(Object node) {
        if (node instanceof Map<?, ?> map && !map.isEmpty()) {
            Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) map);
            List<String> keys = new ArrayList<>(copy.keySet());
            String key = pick(keys);
            int how = random.nextInt(10);
            if (how < 5) {
                copy.put(key, pick(HOSTILE_VALUES));
            } else if (how < 7) {
                copy.put(key, mutate(copy.get(key)));
            } else if (how < 8) {
                copy.remove(key);
            } else {
                copy.put(pick(KEYS), pick(HOSTILE_VALUES));
            }
            return copy;
        }
        if (node instanceof List<?> list && !list.isEmpty()) {
            List<Object> copy = new ArrayList<>(list);
            int at = random.nextInt(copy.size());
            copy.set(at, chance(0.5) ? mutate(copy.get(at)) : pick(HOSTILE_VALUES));
            return copy;
        }
        return pick(HOSTILE_VALUES);
    }

    private Object randomJson(int depth) {
        int kind = random.nextInt(depth > 4 ? 4 : 7);
        return switch (kind) {
            case 0 -> pick(HOSTILE_VALUES);
            case 1 -> random.nextLong();
            case 2 -> randomText(random.nextInt(20));
            case 3 -> random.nextBoolean();
            case 4, 5 -> {
                Map<String, Object> object = new LinkedHashMap<>();
                for (int i = random.nextInt(6); i > 0; i--) {
                    object.put(chance(0.8) ? pick(KEYS) : randomText(5), randomJson(depth + 1));
                }
                yield object;
            }
            default -> {
                List<Object> array = new ArrayList<>();
                for (int i = random.nextInt(5); i > 0; i--) {
                    array.add(randomJson(depth + 1));
                }
                yield array;
            }
        };
    }

    private String randomText(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(chance(0.7) ? 'a' + random.nextInt(26) : random.nextInt(0x3000));
        }
        return text.toString();
    }

    private String deepNesting(int depth) {
        return chance(0.5) ? "[".repeat(depth) + "]".repeat(depth)
                : "{\"target\":".repeat(depth) + "{}" + "}".repeat(depth);
    }

    private byte[] invalidUtf8(String json) {
        byte[] valid = utf8(json);
        byte[][] breakers = {{(byte) 0xff}, {(byte) 0xc0, (byte) 0x80}, {(byte) 0xc0, (byte) 0xaf}, {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
                {(byte) 0xe2, (byte) 0x82}, {(byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}};
        byte[] breaker = breakers[random.nextInt(breakers.length)];
        int at = random.nextInt(valid.length + 1);
        byte[] broken = new byte[valid.length + breaker.length];
        System.arraycopy(valid, 0, broken, 0, at);
        System.arraycopy(breaker, 0, broken, at, breaker.length);
        System.arraycopy(valid, at, broken, at + breaker.length, valid.length - at);
        return broken;
    }

    /** JSON text of maps, lists, strings, numbers, booleans and {@link Raw} tokens. */
    static String json(Object node) {
        StringBuilder out = new StringBuilder();
        write(node, out);
        return out.toString();
    }

    private static void write(Object node, StringBuilder out) {
        if (node instanceof Raw raw) {
            out.append(raw.json());
        } else if (node instanceof String text) {
            out.append('"');
            text.codePoints().forEach(c -> {
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    default -> {
                        if (c < 0x20) {
                            out.append(String.format("\\u%04x", c));
                        } else {
                            out.appendCodePoint(c);
                        }
                    }
                }
            });
            out.append('"');
        } else if (node instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                write(String.valueOf(entry.getKey()), out);
                out.append(':');
                write(entry.getValue(), out);
            }
            out.append('}');
        } else if (node instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(list.get(i), out);
            }
            out.append(']');
        } else {
            out.append(node);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
