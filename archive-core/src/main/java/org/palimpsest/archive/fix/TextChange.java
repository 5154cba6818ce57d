package org.palimpsest.archive.fix;

import java.util.OptionalInt;
import org.palimpsest.archive.extraction.Span;

/**
 * One exact edit of a text: at code point {@code start}, {@code removed} was replaced by {@code inserted}.
 * It is also the offset mapping from the text before to the text after, so anything anchored to the old
 * text can be moved without guessing.
 */
public record TextChange(int start, String removed, String inserted) {

    public TextChange {
        if (start < 0) {
            throw new IllegalArgumentException("start must not be negative");
        }
    }

    /** End of the removed text in the old revision, exclusive. */
    public int removedEnd() {
        return start + length(removed);
    }

    /** End of the inserted text in the new revision, exclusive. */
    public int insertedEnd() {
        return start + length(inserted);
    }

    /** How far text after the change moved. */
    public int delta() {
        return length(inserted) - length(removed);
    }

    public TextChange inverse() {
        return new TextChange(start, inserted, removed);
    }

    /**
     * Applies the change to {@code text}.
     *
     * @throws IllegalStateException when {@code text} does not hold {@code removed} at {@code start}
     */
    public String applyTo(String text) {
        int from = text.offsetByCodePoints(0, Math.min(start, text.codePointCount(0, text.length())));
        int to = from + removed.length();
        if (to > text.length() || !text.startsWith(removed, from)) {
            throw new IllegalStateException("text does not hold the removed text at " + start);
        }
        return text.substring(0, from) + inserted + text.substring(to);
    }

    /**
     * Where {@code span} of the old text lies in the new text, when the change did not touch it. A span that
     * ends where the change starts, or starts where it ends, is untouched. Empty when the change replaced any
     * part of the span: then only its quote can say where it went.
     */
    public java.util.Optional<Span> map(Span span) {
        if (span.end() <= start && !(span.isEmpty() && span.start() == start && !removed.isEmpty())) {
            return java.util.Optional.of(span);
        }
        if (span.start() >= removedEnd()) {
            return java.util.Optional.of(new Span(span.start() + delta(), span.end() + delta()));
        }
        return java.util.Optional.empty();
    }

    /** Where an old position lies in the new text, unless it was inside the removed text. */
    public OptionalInt map(int position) {
        if (position <= start) {
            return OptionalInt.of(position);
        }
        if (position >= removedEnd()) {
            return OptionalInt.of(position + delta());
        }
        return OptionalInt.empty();
    }

    private static int length(String s) {
        return s.codePointCount(0, s.length());
    }
}
