package org.palimpsest.api.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * HTTP/1.1 over a bare socket, for requests no client library will send: {@code CONNECT} and {@code TRACE}, raw
 * control characters and invalid bytes in the request line or headers, oversized headers. One request per
 * connection ({@code Connection: close}); the answer is read to the end of the stream.
 */
final class RawHttp {

    private RawHttp() {
    }

    /** A request exactly as it goes on the wire, except for Host, Connection and Content-Length, which are added. */
    record Request(String method, byte[] target, String version, List<String[]> headers, byte @Nullable [] body) {

        static Request of(String method, String target) {
            return new Request(method, target.getBytes(StandardCharsets.ISO_8859_1), "HTTP/1.1", new ArrayList<>(), null);
        }

        /** The same request with another protocol in its request line ({@code HTTP/2.0}, {@code HTTP/x}). */
        Request version(String protocol) {
            return new Request(method, target, protocol, headers, body);
        }

        Request header(String name, String value) {
            headers.add(new String[] {name, value});
            return this;
        }

        Request body(String contentType, byte[] content) {
            Request withBody = new Request(method, target, version, headers, content);
            if (contentType != null) {
                withBody.header("Content-Type", contentType);
            }
            return withBody;
        }

        /** For failure messages: the request line and headers, control characters and long values shortened. */
        String describe() {
            StringBuilder text = new StringBuilder(method).append(' ').append(shorten(new String(target, StandardCharsets.ISO_8859_1)));
            if (!version.equals("HTTP/1.1")) {
                text.append(' ').append(shorten(version));
            }
            for (String[] header : headers) {
                if (!header[0].equalsIgnoreCase("Authorization")) {
                    text.append(" | ").append(header[0]).append(": ").append(shorten(header[1]));
                }
            }
            if (body != null) {
                text.append(" | body ").append(body.length).append(" bytes: ")
                        .append(shorten(new String(body, 0, Math.min(body.length, 120), StandardCharsets.ISO_8859_1)));
            }
            return text.toString();
        }

        private static String shorten(String value) {
            String visible = value.codePoints()
                    .mapToObj(c -> c < 0x20 || c >= 0x7f && c <= 0x9f ? String.format("\\x%02x", c) : new String(Character.toChars(c)))
                    .reduce("", String::concat);
            return visible.length() > 160 ? visible.substring(0, 160) + "…(" + value.length() + ")" : visible;
        }
    }

    /** The answer: status, headers (names lower-cased, first value of each) and body bytes, de-chunked. */
    record Answer(int status, Map<String, String> headers, byte[] body) {

        @Nullable String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        boolean isProblem() {
            String type = header("Content-Type");
            return type != null && type.toLowerCase(Locale.ROOT).startsWith("application/problem+json");
        }
    }

    /** Sends {@code request}; an answer with status 0 means the server closed the connection without one. */
    static Answer send(int port, Request request) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 5_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            head.write(request.method().getBytes(StandardCharsets.ISO_8859_1));
            head.write(' ');
            head.write(request.target());
            head.write((" " + request.version() + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            line(head, "Host", "localhost:" + port);
            line(head, "Connection", "close");
            for (String[] header : request.headers()) {
                line(head, header[0], header[1]);
            }
            if (request.body() != null) {
                line(head, "Content-Length", Integer.toString(request.body().length));
            }
            head.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            try {
                out.write(head.toByteArray());
                if (request.body() != null) {
                    out.write(request.body());
                }
                out.flush();
            } catch (IOException e) {
                // The server may answer and close before it has read everything (an oversized header): read on.
            }
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new IllegalStateException("no connection to the archive under test: " + e, e);
        }
    }

    private static void line(ByteArrayOutputStream head, String name, String value) throws IOException {
        // ISO-8859-1 keeps every char below 256 as one byte: control characters and obs-text go out as given.
        head.write((name + ": " + value + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    }

    private static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) != -1; ) {
                all.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            throw new IllegalStateException("the archive sent no complete answer within 30 s", e);
        } catch (IOException e) {
            // A reset after the answer was sent: keep what arrived.
        }
        byte[] bytes = all.toByteArray();
        int end = indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
        if (end < 0) {
            return new Answer(0, Map.of(), bytes);
        }
        String[] lines = new String(bytes, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.putIfAbsent(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
            }
        }
        byte[] body = java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Answer(status, headers, body);
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = indexOf(chunked, new byte[] {'\r', '\n'}, at);
            if (lineEnd < 0) {
                break;
            }
            String size = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].strip();
            int length = Integer.parseInt(size, 16);
            if (length == 0) {
                break;
            }
            body.write(chunked, lineEnd + 2, Math.min(length, chunked.length - lineEnd - 2));
            at = lineEnd + 2 + length + 2;
        }
        return body.toByteArray();
    }

    private static int indexOf(byte[] bytes, byte[] needle, int from) {
        outer:
        for (int i = from; i <= bytes.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
