package org.palimpsest.archive.extraction.redaction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.palimpsest.archive.extraction.AnalysisBudget;
import org.palimpsest.archive.extraction.IndexedText;
import org.palimpsest.archive.extraction.StartingChars;

/**
 * Finds redactions. Three general shapes rather than per-document rules: runs of block characters; a
 * bracketed word meaning "removed" in one of many languages; and bracket pairs left empty, including a
 * {@code <} and {@code >} that a converter split over two lines.
 */
public final class RedactionFinder {

    /** █ ▇ ■ ▆ and friends; runs separated by single spaces are one redaction (a blacked-out phrase). */
    private static final Pattern BLOCKS = Pattern.compile("[█▉▊▋▌▍▎▏▇▆■◼⬛]+(?: [█▉▊▋▌▍▎▏▇▆■◼⬛]+)*");

    /** Words for "redacted/removed/withheld" across the languages the archive meets. */
    private static final String WORDS = String.join("|",
            "redacted", "redaction", "removed", "deleted", "withheld", "omitted", "censored", "hidden", "elided",
            "삭제됨", "삭제", "편집됨", "비공개", "가려짐", "생략",
            "削除済み", "削除済", "削除", "非公開", "黒塗り", "伏字", "編集済み", "省略",
            "已删除", "删除", "已编辑", "已隐藏", "隐藏", "已刪除", "刪除",
            "geschwärzt", "entfernt", "gelöscht", "supprimé", "caviardé", "expurgé", "eliminado", "omitido",
            "censurado", "rimosso", "omissis", "удалено", "скрыто");

    private static final Pattern PLACEHOLDER = Pattern.compile(
            "[<\\[【〈《(（‹«]\\s*(?:" + WORDS + ")(?:\\s+[\\p{L}]+)?\\s*[>\\]】〉》)）›»]",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** {@code <>}, {@code < >}, or {@code <} ending one line and {@code >} starting the next. */
    private static final Pattern EMPTY = Pattern.compile("<[ \\t]*>|<[ \\t]*\\n[ \\t]*>|\\[[ \\t]+]");

    private RedactionFinder() {
    }

    /**
     * The characters each pattern's matches start with (its first character class): a pattern is tried only where
     * one stands, instead of at every position of the text, which finds the same matches.
     */
    private static final String BLOCK_CHARS = "█▉▊▋▌▍▎▏▇▆■◼⬛";
    private static final String OPENERS = "<[【〈《(（‹«";
    private static final String EMPTY_OPENERS = "<[";

    public static List<Redaction> find(IndexedText text) {
        return find(text, true);
    }

    /** As {@link #find(IndexedText)}; without {@code shortcuts}, each pattern is tried at every position (for tests). */
    static List<Redaction> find(IndexedText text, boolean shortcuts) {
        List<Redaction> found = new ArrayList<>();
        collect(text, BLOCKS, shortcuts ? BLOCK_CHARS : null, Redaction.Kind.BLOCK, found);
        collect(text, PLACEHOLDER, shortcuts ? OPENERS : null, Redaction.Kind.PLACEHOLDER, found);
        collect(text, EMPTY, shortcuts ? EMPTY_OPENERS : null, Redaction.Kind.EMPTY_BRACKETS, found);
        found.sort(Comparator.comparingInt((Redaction r) -> r.span().start()));
        return dropContained(found);
    }

    /** True when {@code value} (a header field, an address) is nothing but redaction and punctuation. */
    public static boolean isRedacted(String value) {
        String rest = PLACEHOLDER.matcher(AnalysisBudget.watch(value)).replaceAll("");
        rest = BLOCKS.matcher(AnalysisBudget.watch(rest)).replaceAll("");
        rest = EMPTY.matcher(AnalysisBudget.watch(rest)).replaceAll("");
        // What is left of a blacked-out address is punctuation and a domain suffix: "<@.com>".
        rest = rest.replaceAll("\\.\\p{L}{2,}", "");
        return !rest.equals(value) && rest.replaceAll("[\\s<>\\[\\]()@.,;:\"'-]", "").isEmpty();
    }

    /** True when {@code value} contains any redaction. */
    public static boolean containsRedaction(String value) {
        return BLOCKS.matcher(AnalysisBudget.watch(value)).find() || PLACEHOLDER.matcher(AnalysisBudget.watch(value)).find() || EMPTY.matcher(AnalysisBudget.watch(value)).find();
    }

    /**
     * The matches of {@code pattern}, in the order a search finds them; each starts with one of {@code starts}, when
     * given, and is looked for only there.
     */
    private static void collect(IndexedText text, Pattern pattern, @Nullable String starts, Redaction.Kind kind,
                                List<Redaction> into) {
        if (starts != null) {
            StartingChars.forEachMatch(pattern, text.text(), starts,
                    m -> into.add(new Redaction(text.span(m.start(), m.end()), kind)));
            return;
        }
        Matcher m = pattern.matcher(AnalysisBudget.watch(text.text()));
        while (m.find()) {
            into.add(new Redaction(text.span(m.start(), m.end()), kind));
        }
    }

    private static List<Redaction> dropContained(List<Redaction> sorted) {
        List<Redaction> kept = new ArrayList<>();
        for (Redaction r : sorted) {
            if (kept.isEmpty() || !kept.get(kept.size() - 1).span().overlaps(r.span())) {
                kept.add(r);
            }
        }
        return kept;
    }
}
