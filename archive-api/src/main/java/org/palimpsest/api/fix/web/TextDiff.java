package org.palimpsest.api.fix.web;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.List;
import org.palimpsest.archive.extraction.Span;

/**
 * A character-level diff between two texts, computed by java-diff-utils (Myers) over code points so that
 * every span is in the same units as the rest of the API.
 */
record TextDiff(long from, long to, List<Change> changes) {

    /**
     * One difference: {@code type} is insert, delete or change; {@code before} is a span of the {@code from}
     * text and {@code after} one of the {@code to} text.
     */
    record Change(String type, Span before, String removed, Span after, String inserted) {
    }

    static TextDiff between(long fromRevision, String before, long toRevision, String after) {
        List<String> a = codePoints(before);
        List<String> b = codePoints(after);
        List<Change> changes = DiffUtils.diff(a, b).getDeltas().stream().map(TextDiff::change).toList();
        return new TextDiff(fromRevision, toRevision, changes);
    }

    private static Change change(AbstractDelta<String> delta) {
        int sourceAt = delta.getSource().getPosition();
        int targetAt = delta.getTarget().getPosition();
        List<String> removed = delta.getSource().getLines();
        List<String> inserted = delta.getTarget().getLines();
        return new Change(delta.getType().name().toLowerCase(java.util.Locale.ROOT),
                new Span(sourceAt, sourceAt + removed.size()), String.join("", removed),
                new Span(targetAt, targetAt + inserted.size()), String.join("", inserted));
    }

    private static List<String> codePoints(String text) {
        return text.codePoints().mapToObj(Character::toString).toList();
    }
}
