package org.palimpsest.archive.extraction.names;

import org.palimpsest.archive.extraction.Span;

/**
 * A name found in a text.
 *
 * @param span    where, in code points; the name only, without an attached particle ({@code 머스크} of {@code 머스크가})
 * @param entryId the {@link NameEntry} it names
 * @param matched the text as written there
 */
public record NameMention(Span span, String entryId, String matched) {
}
