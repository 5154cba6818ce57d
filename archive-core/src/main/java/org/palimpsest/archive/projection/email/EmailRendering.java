package org.palimpsest.archive.projection.email;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.bson.codecs.pojo.annotations.BsonId;
import org.jspecify.annotations.Nullable;
import org.palimpsest.archive.extraction.Span;
import org.palimpsest.archive.extraction.email.ExtractedEmail;
import org.palimpsest.archive.extraction.email.Participant;
import org.palimpsest.archive.extraction.redaction.Redaction;
import org.palimpsest.archive.projection.ProjectionPosition;

/**
 * One message as one document renders it, stored under {@code <documentId>#<localId>}.
 *
 * @param instant   the moment, when the header names a zone or offset
 * @param wallClock the time as written ({@code 2019-03-11T08:05}), zone or not
 * @param quotes    key of the rendering this one quotes or forwards, in the same document
 * @param span      where the message stands in the document's current text (code points)
 */
public record EmailRendering(
        @BsonId String key,
        String documentId,
        String localId,
        String documentTitle,
        String documentLanguage,
        long revision,
        Span span,
        Span bodySpan,
        @Nullable Participant from,
        List<Participant> to,
        List<Participant> cc,
        List<Participant> bcc,
        @Nullable String dateRaw,
        @Nullable Instant instant,
        @Nullable String wallClock,
        @Nullable String zone,
        @Nullable String subject,
        String body,
        List<Redaction> redactions,
        @Nullable String quotes,
        ExtractedEmail.Relation relation,
        String headerLanguage,
        ProjectionPosition asOf) {

    static String key(String documentId, String localId) {
        return documentId + "#" + localId;
    }

    static EmailRendering of(String documentId, String title, String language, long revision, ExtractedEmail email,
                             ProjectionPosition asOf) {
        Instant instant = null;
        String wallClock = null;
        String zone = null;
        String raw = null;
        if (email.date() != null) {
            raw = email.date().raw();
            zone = email.date().zone();
            if (email.date().instant() != null) {
                instant = email.date().instant().toInstant();
                wallClock = minute(email.date().instant().toLocalDateTime());
            } else if (email.date().local() != null) {
                wallClock = minute(email.date().local());
            }
        }
        return new EmailRendering(key(documentId, email.localId()), documentId, email.localId(), title, language,
                revision, email.span(), email.bodySpan(), email.from(), email.to(), email.cc(), email.bcc(), raw,
                instant, wallClock, zone, email.subject(), email.body(), email.redactions(),
                email.quotes() == null ? null : key(documentId, email.quotes()), email.relation(),
                email.headerLanguage(), asOf);
    }

    /** Everyone named in the headers. */
    public List<Participant> participants() {
        java.util.List<Participant> all = new java.util.ArrayList<>();
        if (from != null) {
            all.add(from);
        }
        all.addAll(to);
        all.addAll(cc);
        all.addAll(bcc);
        return all;
    }

    /** The instant if known, else the wall clock read as UTC: good enough to order and to filter by day. */
    public @Nullable Instant sortTime() {
        if (instant != null) {
            return instant;
        }
        return wallClock == null ? null : LocalDateTime.parse(wallClock).toInstant(java.time.ZoneOffset.UTC);
    }

    private static String minute(LocalDateTime time) {
        return time.truncatedTo(ChronoUnit.MINUTES).toString();
    }
}
