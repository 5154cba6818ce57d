package org.palimpsest.archive.fix;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.palimpsest.archive.extraction.Span;

/**
 * How a document's text got from each revision to the next: an exact {@link TextChange} for fixes and
 * reverts, or a wholesale replacement for a re-import. It maps spans forward exactly where it can, and
 * rebuilds the text of any earlier revision by undoing changes.
 */
public final class RevisionHistory {

    /** What turned revision {@code revision - 1} into {@code revision}; {@code change} null for a re-import. */
    private record Step(long revision, @Nullable TextChange change, @Nullable String replacedText) {
    }

    private final List<Step> steps = new ArrayList<>();

    public void recordChange(long revision, TextChange change) {
        steps.add(new Step(revision, change, null));
    }

    public void recordReplacement(long revision, String previousText) {
        steps.add(new Step(revision, null, previousText));
    }

    /**
     * Maps {@code span} of revision {@code from} to the current revision. Empty when a change since touched it
     * or a re-import replaced the text: then the caller must fall back to the quote.
     */
    public Optional<Span> map(Span span, long from) {
        Optional<Span> mapped = Optional.of(span);
        for (Step step : steps) {
            if (step.revision() <= from) {
                continue;
            }
            if (step.change() == null) {
                return Optional.empty();
            }
            mapped = mapped.flatMap(step.change()::map);
            if (mapped.isEmpty()) {
                return mapped;
            }
        }
        return mapped;
    }

    /** The text changes made after revision {@code from}, for conflict reports; re-imports are left out. */
    public List<TextChange> changesSince(long from) {
        return steps.stream().filter(s -> s.revision() > from && s.change() != null).map(Step::change).toList();
    }

    /** True when a re-import replaced the text after revision {@code from}. */
    public boolean replacedSince(long from) {
        return steps.stream().anyMatch(s -> s.revision() > from && s.change() == null);
    }

    /** The text as it was at {@code revision}, given the current one. */
    public String textAt(long revision, String currentText) {
        String text = currentText;
        for (int i = steps.size() - 1; i >= 0 && steps.get(i).revision() > revision; i--) {
            Step step = steps.get(i);
            text = step.change() != null ? step.change().inverse().applyTo(text) : step.replacedText();
        }
        return text;
    }
}
