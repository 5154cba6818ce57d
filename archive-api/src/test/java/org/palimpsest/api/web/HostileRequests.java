package org.palimpsest.api.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generates hostile requests from one seeded {@link Random}, so a failing run is repeated by its seed: bodies of wrong
 * types, huge numbers, deep nesting, invalid UTF-8, random and truncated JSON and the wrong content types; garbage in
 * {@code Prefer}, {@code If-Match}, {@code Accept}, {@code Accept-Datetime} and {@code Content-Type}; path variables
 * filled with existing ids or with encodings, dot segments, control characters and very long ids.
 */
final class HostileRequests {

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
            new Raw("0x10"), new Raw("01"), new Raw("\"\\ud800\""), new Raw("\"\\u0000\""), new Raw("\"\\x\""),
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

    private final Random random;
    private final Existing existing;
    private final Function<String, String> authorization;

    HostileRequests(Random random, Existing existing, Function<String, String> authorization) {
        this.random = random;
        this.existing = existing;
        this.authorization = authorization;
    }

    /** A hostile request to {@code method} {@code pattern}. */
    RawHttp.Request next(String method, String pattern) {
        RawHttp.Request request = RawHttp.Request.of(method, target(pattern));
        // Mostly accounts that may write, so that most requests get past security to the parsing behind it.
        String user = chance(0.85) ? pick(List.of("admin", "editor", "editor", "annotator", "annotator"))
                : pick(List.of("reader", "", "garbage"));
        if (user.equals("garbage")) {
            request.header("Authorization", pick(List.of("Basic !!!", "Bearer x", "Basic " + java.util.Base64.getEncoder()
                    .encodeToString("nobody:nothing".getBytes(StandardCharsets.UTF_8)), "Basic", "\u00ff")));
        } else if (!user.isEmpty()) {
            request.header("Authorization", authorization.apply(user));
        }
        if (chance(0.3)) {
            request.header("Accept", pick(ACCEPTS));
        }
        if (chance(0.3)) {
            request.header("Prefer", pick(PREFERS));
        }
        if (chance(0.4)) {
            request.header("If-Match", pick(IF_MATCHES));
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
        if (chance(0.08)) {
            return request;
        }
        String contentType = chance(0.05) ? null : pick(CONTENT_TYPES);
        return request.body(contentType, body(pattern));
    }

    private String target(String pattern) {
        Matcher variables = VARIABLE.matcher(pattern);
        StringBuilder path = new StringBuilder();
        while (variables.find()) {
            String value = chance(0.5) ? existingValue(variables.group(1), pattern) : pick(GARBAGE_SEGMENTS);
            variables.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        variables.appendTail(path);
        if (chance(0.15)) {
            path.append(pick(List.of("/", "/..", "/%2e", "//", "?x=%", "?accept=maybe", "?accept=true", "?accept=",
                    "?reason=" + "r".repeat(5_000), "?atPosition=-1", "?asOf=+1000000000-01-01T00:00:00Z", "?title=%ff",
                    "?language=\u00ff", "?publishedAt=2024-02-30", "#fragment", "?a=b&a=c&=&&")));
        }
        return path.toString();
    }

    private String existingValue(String variable, String pattern) {
        return switch (variable) {
            case "documentId" -> existing.documentId();
            case "fixId" -> existing.fixId();
            case "id" -> pattern.startsWith("/annotations") ? existing.annotationId() : existing.documentId();
            case "version" -> "1";
            // A real projection name would start a full rebuild mid-suite: that is a valid command, not a hostile one.
            case "name" -> "no-such-projection";
            default -> "unknown-" + variable;
        };
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
        byte[][] breakers = {{(byte) 0xff}, {(byte) 0xc0, (byte) 0x80}, {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
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
