package org.palimpsest.api.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.palimpsest.api.PalimpsestProperties;
import org.palimpsest.archive.input.InvalidTextException;
import org.palimpsest.archive.input.UnicodeText;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Every request body passes here before anything parses it, whatever its content type:
 * <ul>
 * <li>It is read and counted as it arrives, chunked or not, and refused with 413 as soon as it passes
 * {@code palimpsest.limits.request-body}; a declared {@code Content-Length} over the limit is refused unread.</li>
 * <li>A JSON body (RFC 8259: always UTF-8) must be strict UTF-8 — an overlong {@code C0 AF} is not a slash, an encoded
 * surrogate is not a character — and no string or property name in it may hold a lone surrogate, which a JSON escape
 * (backslash, {@code u}, four hex digits) can spell without a single bad byte. Refused with 400 naming the field, never replaced, so what
 * is stored is what was sent. The rule is archive-core's {@link UnicodeText}, which raw text uploads use too.</li>
 * </ul>
 * The body is then handed on from memory. Deciding here, in one place, keeps the answers independent of how each
 * converter (Jackson for records and trees, the byte-array converter for raw uploads) would wrap a failure mid-read.
 * It runs after the security filters, so an anonymous or unauthorized client cannot make the archive read a body.
 */
@Component
class RequestBodyGate extends OncePerRequestFilter {

    private static final int CHUNK = 64 * 1024;
    private static final JsonFactory JSON = new JsonFactory();

    private final long limit;
    private final ProblemResponses problems;

    RequestBodyGate(PalimpsestProperties properties, ProblemResponses problems) {
        this.limit = properties.limitsOrDefault().requestBodyOrDefault().toBytes();
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        boolean chunked = request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
        if (declared <= 0 && !chunked) {
            chain.doFilter(request, response);
            return;
        }
        if (declared > limit) {
            tooLarge(response);
            return;
        }
        byte[] body = readAtMost(request.getInputStream(), limit);
        if (body == null) {
            tooLarge(response);
            return;
        }
        MediaType type = mediaType(request.getContentType());
        if (type != null && isJson(type)) {
            ProblemDetail refusal = jsonRefusal(type, body);
            if (refusal != null) {
                problems.write(response, refusal);
                return;
            }
        }
        chain.doFilter(new BufferedBodyRequest(request, body), response);
    }

    /** The body, or {@code null} as soon as it passes {@code max} bytes (the rest is never read). */
    static byte @Nullable [] readAtMost(InputStream in, long max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[CHUNK];
        long total = 0;
        for (int read = in.read(chunk); read >= 0; read = in.read(chunk)) {
            total += read;
            if (total > max) {
                return null;
            }
            out.write(chunk, 0, read);
        }
        return out.toByteArray();
    }

    private void tooLarge(HttpServletResponse response) throws IOException {
        ProblemDetail problem = ProblemResponses.problem(HttpStatus.CONTENT_TOO_LARGE, "request-too-large",
                "Request body too large", "request bodies are limited to " + limit + " bytes ("
                        + describe(limit) + "); nothing was read or recorded");
        problem.setProperty("limit", limit);
        // The unread rest of the body would otherwise be swallowed; closing is cheaper than reading it.
        response.setHeader(HttpHeaders.CONNECTION, "close");
        problems.write(response, problem);
    }

    private static @Nullable ProblemDetail jsonRefusal(MediaType type, byte[] body) {
        if (type.getCharset() != null && !StandardCharsets.UTF_8.equals(type.getCharset())) {
            return ProblemResponses.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "JSON bodies are UTF-8 (RFC 8259); "
                    + "send charset=utf-8 or no charset, not " + type.getCharset().name());
        }
        try {
            UnicodeText.decodeUtf8(body);
        } catch (InvalidTextException e) {
            ProblemDetail problem = ProblemResponses.problem(HttpStatus.BAD_REQUEST, "invalid-text",
                    "Not valid UTF-8", "the body is " + e.getMessage() + " (JSON is always UTF-8)");
            problem.setProperty("field", "body");
            problem.setProperty("offset", e.offset());
            return problem;
        }
        return loneSurrogate(body);
    }

    /** A string or property name holding a lone surrogate, as a problem naming it; malformed JSON is left to Jackson. */
    private static @Nullable ProblemDetail loneSurrogate(byte[] body) {
        try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), body)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                String text = token == JsonToken.PROPERTY_NAME ? parser.currentName()
                        : token == JsonToken.VALUE_STRING ? parser.getString() : null;
                if (text != null && UnicodeText.firstLoneSurrogate(text) >= 0) {
                    return loneSurrogateProblem(parser.streamReadContext(), text);
                }
            }
        } catch (JacksonException e) {
            // Not well-formed JSON: the converter reports it with the position, as for any other body.
        }
        return null;
    }

    private static ProblemDetail loneSurrogateProblem(TokenStreamContext context, String text) {
        Deque<String> steps = new ArrayDeque<>();
        Integer index = null;
        for (TokenStreamContext step = context; step != null && !step.inRoot(); step = step.getParent()) {
            if (step.inArray()) {
                steps.push("[" + step.getCurrentIndex() + "]");
                if (step.getParent() != null && step.getParent().inRoot()) {
                    index = step.getCurrentIndex();
                }
            } else if (step.currentName() != null) {
                steps.push(step.currentName());
            }
        }
        StringBuilder field = new StringBuilder();
        for (String step : steps) {
            if (!field.isEmpty() && !step.startsWith("[")) {
                field.append('.');
            }
            field.append(step);
        }
        String named = field.isEmpty() ? "body" : field.toString();
        // A batch (an array at the top) names its item in index and the field within it, as other refusals do.
        if (index != null) {
            named = named.replaceFirst("^\\[" + index + "\\]\\.?", "");
        }
        int at = UnicodeText.firstLoneSurrogate(text);
        ProblemDetail problem = ProblemResponses.problem(HttpStatus.BAD_REQUEST, "invalid-text", "Not valid Unicode",
                (named.isEmpty() ? "the item" : named) + " holds a lone surrogate (U+"
                        + Integer.toHexString(text.charAt(at)).toUpperCase(Locale.ROOT)
                        + " at UTF-16 index " + at + "), which is not a Unicode character; send each character whole");
        problem.setProperty("field", named.isEmpty() ? "body" : named);
        if (index != null) {
            problem.setProperty("index", index);
        }
        return problem;
    }

    private static boolean isJson(MediaType type) {
        return type.isCompatibleWith(MediaType.APPLICATION_JSON) || type.getSubtype().endsWith("+json");
    }

    private static @Nullable MediaType mediaType(@Nullable String header) {
        if (header == null) {
            return null;
        }
        try {
            return MediaType.parseMediaType(header);
        } catch (InvalidMediaTypeException e) {
            return null; // Spring MVC answers 415 for it
        }
    }

    private static String describe(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : bytes % 1024 == 0 ? bytes / 1024 + " KB"
                : bytes + " B";
    }

    /** The request with its body read already; every reader of the body reads these bytes. */
    private static final class BufferedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        BufferedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already read; read it synchronously");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(),
                    encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding)));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
