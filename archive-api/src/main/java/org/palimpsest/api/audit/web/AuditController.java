package org.palimpsest.api.audit.web;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.palimpsest.api.web.AsOf;
import org.palimpsest.archive.history.AuditQuery;
import org.palimpsest.archive.history.AuditTrail;
import org.palimpsest.archive.history.EventLog;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The audit trail as NDJSON (auditors), and the whole event log for backup (administrators). */
@RestController
class AuditController {

    static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

    private final AuditTrail trail;
    private final EventLog log;

    AuditController(AuditTrail trail, EventLog log) {
        this.trail = trail;
        this.log = log;
    }

    /** Lines of {@code {"position","time","type","aggregateId","actor","correlationId","reason","payload"}}. */
    @GetMapping("/api/audit/events")
    ResponseEntity<StreamingResponseBody> events(@RequestParam(required = false) @Nullable String from,
                                                 @RequestParam(required = false) @Nullable String to,
                                                 @RequestParam(required = false) @Nullable String actor,
                                                 @RequestParam(required = false) @Nullable String type,
                                                 @RequestParam(required = false) @Nullable String document) {
        AuditQuery query = new AuditQuery(instant(from, "from"), instant(to, "to"), blank(actor), blank(type), blank(document));
        StreamingResponseBody body = out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            trail.stream(query, line -> {
                try {
                    writer.write(line);
                    writer.write('\n');
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            writer.flush();
        };
        return ResponseEntity.ok().contentType(NDJSON).body(body);
    }

    /** The event log with its checksum line, for {@code palimpsest import-log} on another archive. */
    @GetMapping("/api/admin/events/export")
    ResponseEntity<StreamingResponseBody> export() {
        StreamingResponseBody body = out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            log.export(writer, count -> { });
        };
        return ResponseEntity.ok().contentType(NDJSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"palimpsest-events.ndjson\"")
                .body(body);
    }

    private static @Nullable Instant instant(@Nullable String value, String parameter) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return AsOf.instant(value, parameter);
    }

    private static @Nullable String blank(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
