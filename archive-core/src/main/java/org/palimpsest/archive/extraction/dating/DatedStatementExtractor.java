package org.palimpsest.archive.extraction.dating;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.palimpsest.archive.extraction.AnalysisBudget;
import org.palimpsest.archive.extraction.IndexedText;
import org.palimpsest.archive.extraction.PartAnalysis;
import org.palimpsest.archive.extraction.Parts;
import org.palimpsest.archive.extraction.ScriptLanguage;
import org.palimpsest.archive.extraction.Segment;
import org.palimpsest.archive.extraction.SegmentKind;

/**
 * Finds the statements of a document that place an event in time, in Korean, Japanese, Chinese and English.
 *
 * <p>Rules, in the order they apply:
 * <ol>
 *   <li>Units are the non-chrome paragraphs, list items, headings and block quotes. Code blocks (quoted emails, whose
 *       dates are headers, not statements), front matter, tables, footnotes and images are not read.</li>
 *   <li>A unit that is a publication line, byline, header field or a bare date is skipped ({@link MetadataLineRule}).</li>
 *   <li>A list item or heading that opens with its date ({@code - **2015년 11월**: ...}, {@code ## 2017년 가을: ...},
 *       {@code • 2015年、...}) is one statement: the date heads the whole item. Any other unit is cut into sentences
 *       ({@link SentenceSplitter}) and each sentence with a date is one statement.</li>
 *   <li>One statement per sentence, dated by its first date that is not a plan: in "on July 21, 2017 he forwarded an
 *       article on China's plans for 2030" the event is the forwarding. A range ({@code 2016–2019}) dates its statement
 *       by its start. Later dates of the sentence are not reported; they are mostly deadlines, durations and background.</li>
 *   <li>Relative dates are placed against {@code documentDate} ({@link RelativeDateResolver}); without it they are kept,
 *       unresolved, with the parts written. A relative date inside a quotation is skipped: it counts from when the quoted
 *       person spoke, which the document does not say.</li>
 *   <li>Plans and forecasts are dropped ({@link FuturePlanRule}).</li>
 * </ol>
 */
public final class DatedStatementExtractor {

    private static final Set<SegmentKind> UNITS = EnumSet.of(
            SegmentKind.PARAGRAPH, SegmentKind.LIST_ITEM, SegmentKind.HEADING, SegmentKind.BLOCK_QUOTE);
    private static final Set<SegmentKind> HEADED_BY_DATE = EnumSet.of(SegmentKind.LIST_ITEM, SegmentKind.HEADING);

    private DatedStatementExtractor() {
    }

    /**
     * @param text             the document text
     * @param segments         its segments; only the non-chrome paragraphs, list items, headings and quotes are read
     * @param documentLanguage BCP 47 tag of the document, for sentences and segments too short to tell their own
     * @param documentDate     the publication date, which relative dates count from and plans are told by
     * @return the statements in reading order
     */
    public static List<DatedStatement> extract(IndexedText text, List<Segment> segments, String documentLanguage,
            @Nullable LocalDate documentDate) {
        return extract(text, segments, documentLanguage, documentDate, Parts.NONE);
    }

    /**
     * As {@link #extract(IndexedText, List, String, LocalDate)}, each unit's statements taken from {@code parts}: a
     * unit's statements depend on its own content, kind and language only, so a text that changed in one unit is read
     * again in that unit alone.
     */
    public static List<DatedStatement> extract(IndexedText text, List<Segment> segments, String documentLanguage,
            @Nullable LocalDate documentDate, Parts parts) {
        List<DatedStatement> statements = new ArrayList<>();
        for (Segment segment : segments) {
            AnalysisBudget.checkpoint();
            if (UNITS.contains(segment.kind()) && !segment.chrome()) {
                Unit unit = new Unit(segment.kind(), segment.language(), documentLanguage, documentDate);
                for (DatedStatement found : parts.of(unit, text.slice(segment.content()))) {
                    statements.add(found.placed(segment.id(), segment.content().start()));
                }
            }
        }
        return statements;
    }

    /**
     * The statements of one unit's content, their spans counted from the content's start and without a segment id
     * ({@link DatedStatement#placed} puts them in the document).
     *
     * @param unitLanguage the unit's own language, when it has enough letters to tell
     */
    record Unit(SegmentKind kind, @Nullable String unitLanguage, String documentLanguage,
                @Nullable LocalDate documentDate) implements PartAnalysis<List<DatedStatement>> {

        @Override
        public String name() {
            return "dated statements of a unit";
        }

        @Override
        public List<DatedStatement> analyse(String content) {
            List<DatedStatement> found = new ArrayList<>();
            extractFrom(content, this, found);
            return List.copyOf(found);
        }
    }

    private static void extractFrom(String original, Unit unit, List<DatedStatement> into) {
        IndexedText text = new IndexedText(original);
        String masked = InlineMarkup.mask(original);
        List<DateExpression> inBlock = DateExpressionFinder.find(masked);
        List<Slice> dates = inBlock.stream().map(DateExpression::at).toList();
        List<Slice> sentences = SentenceSplitter.split(original, masked, dates);
        List<List<DateExpression>> expressionsBySentence = new ArrayList<>();
        List<DateExpression> all = new ArrayList<>();
        for (Slice sentence : sentences) {
            List<DateExpression> found = new ArrayList<>();
            // A sentence that is the whole block (a list item, a heading, a line) has the block's expressions: the
            // same search over the same string, which need not run twice.
            boolean wholeBlock = sentence.start() == 0 && sentence.end() == masked.length();
            for (DateExpression e : wholeBlock ? inBlock
                    : DateExpressionFinder.find(masked.substring(sentence.start(), sentence.end()))) {
                found.add(new DateExpression(new Slice(e.at().start() + sentence.start(), e.at().end() + sentence.start()),
                        e.meaning()));
            }
            expressionsBySentence.add(found);
            all.addAll(found);
        }
        if (all.isEmpty() || MetadataLineRule.isMetadata(masked, all)) {
            return;
        }
        if (HEADED_BY_DATE.contains(unit.kind()) && all.get(0).at().start() == sentences.get(0).start()) {
            Slice whole = new Slice(sentences.get(0).start(), sentences.get(sentences.size() - 1).end());
            sentences = List.of(whole);
            expressionsBySentence = List.of(all);
        }
        QuotedRegions quotes = QuotedRegions.of(masked);
        for (int i = 0; i < sentences.size(); i++) {
            Slice sentence = sentences.get(i);
            String sentenceText = original.substring(sentence.start(), sentence.end());
            Lazy prospective = new Lazy(() -> FuturePlanRule.isProspective(sentenceText));
            for (DateExpression e : expressionsBySentence.get(i)) {
                if (e.isRelative() && quotes.inside(e.at())) {
                    continue;
                }
                RelativeDateResolver.Placed placed = RelativeDateResolver.place(e.meaning(), unit.documentDate());
                if (FuturePlanRule.isPlan(prospective, placed.date(), unit.documentDate())) {
                    continue;
                }
                String plain = InlineMarkup.plain(sentenceText);
                into.add(new DatedStatement(
                        text.span(sentence.start(), sentence.end()),
                        text.span(e.at().start(), e.at().end()),
                        "",
                        placed.date(),
                        plain,
                        languageOf(plain, unit),
                        e.isRelative(),
                        placed.resolved()));
                break;
            }
        }
    }

    /** A verdict computed on first use and kept. */
    private static final class Lazy implements BooleanSupplier {
        private final BooleanSupplier compute;
        private @Nullable Boolean value;

        Lazy(BooleanSupplier compute) {
            this.compute = compute;
        }

        @Override
        public boolean getAsBoolean() {
            if (value == null) {
                value = compute.getAsBoolean();
            }
            return value;
        }
    }

    private static String languageOf(String sentence, Unit unit) {
        return ScriptLanguage.detect(sentence)
                .orElse(unit.unitLanguage() != null ? unit.unitLanguage() : unit.documentLanguage());
    }

    /** The statements of {@code statements} in time order; unplaced relative dates last. */
    public static List<DatedStatement> chronological(List<DatedStatement> statements) {
        List<DatedStatement> sorted = new ArrayList<>(statements);
        sorted.sort((a, b) -> {
            int byDate = a.date().compareTo(b.date());
            return byDate != 0 ? byDate : Integer.compare(a.span().start(), b.span().start());
        });
        return sorted;
    }
}
