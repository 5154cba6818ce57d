package org.palimpsest.archive.extraction.redaction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.palimpsest.archive.extraction.AnalysisBudget;
import org.palimpsest.archive.extraction.IndexedText;

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

    public static List<Redaction> find(IndexedText text) {
        List<Redaction> found = new ArrayList<>();
        collect(text, BLOCKS, Redaction.Kind.BLOCK, found);
        collect(text, PLACEHOLDER, Redaction.Kind.PLACEHOLDER, found);
        collect(text, EMPTY, Redaction.Kind.EMPTY_BRACKETS, found);
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

    private static void collect(IndexedText text, Pattern pattern, Redaction.Kind kind, List<Redaction> into) {
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
