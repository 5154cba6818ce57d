package org.palimpsest.archive.extraction.email;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.palimpsest.archive.extraction.Span;
import org.palimpsest.archive.extraction.redaction.Redaction;

/**
 * One message quoted in a document.
 *
 * @param localId {@code e1}, {@code e2}, … in text order, unique within the document
 * @param span the whole message in code points: the forward marker or attribution line that introduces it, its
 *     headers and its body. Spans of messages do not overlap: a quoting message ends where the message it quotes
 *     begins
 * @param from the sender; for a quoted reply without headers, the one named in its attribution line
 * @param date the sending date; for a quoted reply without headers, the one in its attribution line
 * @param subject the value of a Subject label; never a thread title or a "3 emails" counter written above the
 *     headers
 * @param body the body text, with the quote markers that make it a quotation stripped (deeper ones kept), and
 *     without leading and trailing blank lines; because markers are stripped it may differ from the text at
 *     {@code bodySpan}
 * @param bodySpan where the body stands in the document, in code points (empty, at the end of the headers, when
 *     the message has no body)
 * @param redactions the redactions inside {@code span}
 * @param quotes the localId of the message this one quotes or forwards, when it does
 * @param relation how this message came to be in the text
 * @param headerLanguage BCP 47 language of the header labels (or of the attribution line)
 */
public record ExtractedEmail(String localId, Span span, @Nullable Participant from, List<Participant> to,
                             List<Participant> cc, List<Participant> bcc, @Nullable HeaderDate date,
                             @Nullable String subject, String body, Span bodySpan, List<Redaction> redactions,
                             @Nullable String quotes, Relation relation, String headerLanguage) {

    public ExtractedEmail {
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        bcc = List.copyOf(bcc);
        redactions = List.copyOf(redactions);
    }

    /**
     * This message, found in a section read alone, where it stands in the whole text: its spans moved by
     * {@code codePoints}, its id and the id it quotes counted after the {@code before} messages of earlier sections,
     * and the redactions of the whole text that lie inside it.
     */
    ExtractedEmail placed(int codePoints, int before, List<Redaction> redactionsOfText) {
        Span moved = new Span(span.start() + codePoints, span.end() + codePoints);
        return new ExtractedEmail(EmailExtractor.localId(before + ordinal(localId)), moved, from, to, cc, bcc, date,
                subject, body, new Span(bodySpan.start() + codePoints, bodySpan.end() + codePoints),
                redactionsOfText.stream().filter(r -> moved.contains(r.span())).toList(),
                quotes == null ? null : EmailExtractor.localId(before + ordinal(quotes)), relation, headerLanguage);
    }

    /** The index {@code e1}, {@code e2}, … stand for. */
    private static int ordinal(String localId) {
        return Integer.parseInt(localId.substring(1)) - 1;
    }

    /** How a message appears in the text. */
    public enum Relation {
        /** Quoted by the document itself, not from inside another message. */
        TOP,
        /** The earlier message a reply quotes, under an attribution line or an "Original Message" rule. */
        QUOTED_REPLY,
        /** A message forwarded inside another one, under a forward marker. */
        FORWARDED
    }
}
