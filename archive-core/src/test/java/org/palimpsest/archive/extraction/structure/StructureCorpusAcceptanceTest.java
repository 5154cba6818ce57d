package org.palimpsest.archive.extraction.structure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.palimpsest.archive.extraction.IndexedText;
import org.palimpsest.archive.extraction.Segment;
import org.palimpsest.archive.extraction.SegmentKind;
import org.palimpsest.archive.extraction.SharedCorpus;
import org.palimpsest.archive.extraction.Span;

/**
 * The three corpus documents, with expectations established by reading them. Only counts, ids, kinds and
 * short tokens appear here; the documents' sentences stay in the corpus. Skips when the corpus is absent.
 */
class StructureCorpusAcceptanceTest {

    private static final String BLOG = "000_3fa1d05d406d7b90.txt";
    private static final String NEWSLETTER = "001_2eabf4ec6379ea02.txt";
    private static final String SOCIAL = "003_11db9667bf3234db.txt";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {BLOG, NEWSLETTER, SOCIAL})
    void segmentsAreOrderedDisjointAndNumberedPerKind(String file) {
        String text = SharedCorpus.read(file);
        List<Segment> segments = StructureAnalyzer.analyze(text).segments();
        assertThat(segments).hasSizeGreaterThan(10);
        int codePoints = new IndexedText(text).length();
        Map<SegmentKind, Integer> seen = new java.util.EnumMap<>(SegmentKind.class);
        Set<String> ids = new HashSet<>();
        Span previous = new Span(0, 0);
        for (Segment segment : segments) {
            assertThat(segment.span().start()).as(segment.id()).isGreaterThanOrEqualTo(previous.end());
            assertThat(segment.span().end()).isLessThanOrEqualTo(codePoints);
            assertThat(segment.span().contains(segment.content())).as(segment.id()).isTrue();
            int ordinal = seen.merge(segment.kind(), 1, Integer::sum);
            assertThat(segment.id()).isEqualTo(StructureAnalyzer.idPrefix(segment.kind()) + ordinal);
            assertThat(ids.add(segment.id())).isTrue();
            previous = segment.span();
        }
    }

    @Test
    void koreanBlogHasFrontMatterTimelineFencedEmailsAndImages() {
        String text = SharedCorpus.read(BLOG);
        DocumentStructure structure = StructureAnalyzer.analyze(text);
        IndexedText indexed = new IndexedText(text);
        Map<SegmentKind, Long> kinds = countKinds(structure.segments());

        Segment frontMatter = structure.segments().get(0);
        assertThat(frontMatter.id()).isEqualTo("fm1");
        assertThat(frontMatter.span().start()).isZero();
        assertThat(indexed.slice(frontMatter.content())).startsWith("title:").contains("date:");
        assertThat(kinds.get(SegmentKind.FRONT_MATTER)).isEqualTo(1);

        // Eleven fenced blocks, each one segment from fence to fence, holding the quoted e-mails.
        List<Segment> code = structure.ofKind(SegmentKind.CODE_BLOCK);
        assertThat(code).hasSize(11);
        assertThat(code).allSatisfy(c -> {
            assertThat(indexed.slice(c.span())).startsWith("```").endsWith("```");
            assertThat(c.language()).isEqualTo("ko");
        });

        // One "###" heading over the timeline, nine "##" section headings.
        List<Segment> headings = structure.ofKind(SegmentKind.HEADING);
        assertThat(headings).extracting(Segment::level).containsExactly(3, 2, 2, 2, 2, 2, 2, 2, 2, 2);

        // The timeline: twelve dated list items right under h1.
        List<Segment> items = structure.ofKind(SegmentKind.LIST_ITEM);
        assertThat(items).hasSize(12).allMatch(li -> li.level() == 1 && !li.chrome() && "ko".equals(li.language()));
        int h1 = structure.segments().indexOf(headings.get(0));
        assertThat(structure.segments().subList(h1 + 1, h1 + 13)).containsExactlyElementsOf(items);

        // Eight images standing alone, each also listed as an image link over the same span.
        List<Segment> images = structure.ofKind(SegmentKind.IMAGE);
        assertThat(images).hasSize(8);
        Set<Span> imageLinks = structure.links().stream().filter(InlineLink::image).map(InlineLink::span)
                .collect(Collectors.toSet());
        assertThat(images).allMatch(img -> imageLinks.contains(img.span()));

        assertThat(structure.chrome()).isEmpty();
        assertThat(structure.footnoteRefs()).isEmpty();
    }

    @Test
    void koreanBlogLinksAreCleanAndIncludeThoseInsideQuotedEmails() {
        String text = SharedCorpus.read(BLOG);
        DocumentStructure structure = StructureAnalyzer.analyze(text);
        InlineLink first = structure.links().get(0);
        assertThat(first.label()).isNull();
        assertThat(first.url()).startsWith("https://openai.com/");
        assertThat(structure.segmentContaining(first.span())).map(Segment::id).contains("p1");

        assertThat(structure.links()).hasSize(22);
        assertThat(structure.links()).noneMatch(l -> l.url().endsWith(".") || l.url().endsWith(","));
        List<Segment> code = structure.ofKind(SegmentKind.CODE_BLOCK);
        long inEmails = structure.links().stream()
                .filter(l -> code.stream().anyMatch(c -> c.span().contains(l.span())))
                .count();
        assertThat(inEmails).isEqualTo(8);
    }

    @Test
    void koreanNewsletterSplitsItsRunOnTextAndFlagsSeparatorsRelatedMarkersAndFooter() {
        String text = SharedCorpus.read(NEWSLETTER);
        DocumentStructure structure = StructureAnalyzer.analyze(text);
        IndexedText indexed = new IndexedText(text);
        Map<Span, Segment> bySpan = structure.segments().stream()
                .collect(Collectors.toMap(Segment::span, Function.identity()));

        // Every line that is only "|" is a chrome segment of its own: 35 of them.
        List<Span> pipeLines = lineSpans(text, "|");
        assertThat(pipeLines).hasSize(35);
        assertThat(pipeLines).allSatisfy(line -> {
            assertThat(bySpan).containsKey(line);
            assertThat(bySpan.get(line).kind()).isEqualTo(SegmentKind.CHROME);
        });

        // The run-on body is cut into many segments, not a handful of giant paragraphs.
        assertThat(structure.ofKind(SegmentKind.PARAGRAPH)).hasSizeGreaterThanOrEqualTo(35);
        // 40 paragraphs, 7 list items, 44 chrome lines: a snapshot, re-check by reading when the rules change.
        assertThat(structure.segments()).hasSize(91);

        // Three "related articles" markers; the numbered section after each is not swallowed.
        List<Segment> related = structure.chrome().stream()
                .filter(s -> indexed.slice(s.content()).contains("관련 기사")).toList();
        assertThat(related).hasSize(3);
        List<Segment> items = structure.ofKind(SegmentKind.LIST_ITEM);
        assertThat(items).extracting(Segment::chrome).containsExactly(false, false, false, false, false, false, true);

        // The footer line with the unsubscribe link is chrome, and nothing but separators follows it.
        Segment footer = structure.chrome().stream()
                .filter(s -> indexed.slice(s.content()).contains("Unsubscribe")).findFirst().orElseThrow();
        List<Segment> after = structure.segments().subList(structure.segments().indexOf(footer) + 1,
                structure.segments().size());
        assertThat(after).hasSize(4).allMatch(s -> indexed.slice(s.content()).equals("|"));
        assertThat(structure.chrome()).hasSize(45);

        assertThat(structure.mainFlow()).isNotEmpty().allMatch(s -> s.language() == null || s.language().equals("ko")
                || s.language().equals("en"));
    }

    @Test
    void japaneseSocialSummaryHasItsTimelineListAndButtonBar() {
        String text = SharedCorpus.read(SOCIAL);
        DocumentStructure structure = StructureAnalyzer.analyze(text);
        IndexedText indexed = new IndexedText(text);

        // Thirty "•" lines: the 27-entry timeline, then three buttons.
        List<Segment> items = structure.ofKind(SegmentKind.LIST_ITEM);
        assertThat(items).hasSize(30).allMatch(li -> li.level() == 1);
        List<Segment> timeline = items.stream().filter(li -> !li.chrome()).toList();
        assertThat(timeline).hasSize(27).allMatch(li -> "ja".equals(li.language()));
        assertThat(timeline).extracting(Segment::id).endsWith("li27");
        assertThat(items.subList(27, 30)).allMatch(Segment::chrome);

        // The toggle, the comment label and the "no comments" counter are chrome lines.
        assertThat(structure.ofKind(SegmentKind.CHROME)).extracting(s -> indexed.slice(s.content()))
                .containsExactly("原文表示", "コメント", "コメントなし");
        assertThat(structure.chrome()).hasSize(6);

        assertThat(structure.ofKind(SegmentKind.HEADING)).isEmpty();
        assertThat(structure.ofKind(SegmentKind.PARAGRAPH)).hasSize(5).noneMatch(Segment::chrome);
        assertThat(structure.mainFlow()).hasSize(32);
    }

    private static Map<SegmentKind, Long> countKinds(List<Segment> segments) {
        return segments.stream().collect(Collectors.groupingBy(Segment::kind, Collectors.counting()));
    }

    /** Code-point spans of the lines of {@code text} that equal {@code line}. */
    private static List<Span> lineSpans(String text, String line) {
        IndexedText indexed = new IndexedText(text);
        List<Span> spans = new java.util.ArrayList<>();
        int start = 0;
        for (String current : text.split("\n", -1)) {
            if (current.equals(line)) {
                spans.add(indexed.span(start, start + current.length()));
            }
            start += current.length() + 1;
        }
        return spans;
    }
}
