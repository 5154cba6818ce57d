package org.palimpsest.archive.extraction.structure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.palimpsest.archive.extraction.IndexedText;
import org.palimpsest.archive.extraction.Segment;
import org.palimpsest.archive.extraction.SegmentKind;
import org.palimpsest.archive.extraction.Span;

class StructureAnalyzerTest {

    static Stream<Arguments> blocks() {
        return Stream.of(
                Arguments.of("ATX headings, closing hashes dropped",
                        "# 제목 하나\n\n## Second title ##\n\n### 三番目の見出し",
                        List.of("h1/1 제목 하나", "h2/2 Second title", "h3/3 三番目の見出し")),
                Arguments.of("setext headings",
                        "木曜日の会議\n======\n\nSubtitle here\n---\n\n본문입니다.",
                        List.of("h1/1 木曜日の会議", "h2/2 Subtitle here", "p1 본문입니다.")),
                Arguments.of("a lone dash under several scraped lines is a separator, not a setext underline",
                        "첫째 줄 내용입니다.\n둘째 줄 내용입니다.\n-\n\n다음 문단",
                        List.of("p1 첫째 줄 내용입니다.", "p2 둘째 줄 내용입니다.", "chrome1 -", "p3 다음 문단")),
                Arguments.of("three dashes under several lines are a thematic break",
                        "First line of a note.\nSecond line of a note.\n---\n\nAfter the break.",
                        List.of("p1 First line of a note.", "p2 Second line of a note.", "hr1", "p3 After the break.")),
                Arguments.of("bullet lists nest by depth",
                        "- one\n- two\n  - nested\n    - deeper\n- three",
                        List.of("li1/1 one", "li2/1 two", "li3/2 nested", "li4/3 deeper", "li5/1 three")),
                Arguments.of("numbered lists with both delimiters, star and plus bullets",
                        "1. 첫째\n2. 둘째\n\n1) 하나\n\n* star\n\n+ plus",
                        List.of("li1/1 첫째", "li2/1 둘째", "li3/1 하나", "li4/1 star", "li5/1 plus")),
                Arguments.of("bullets CommonMark does not know, nested by indentation",
                        "• 사과\n• 배\n  • 작은 배\n・りんご",
                        List.of("li1/1 사과", "li2/1 배", "li3/2 작은 배", "li4/1 りんご")),
                Arguments.of("a list item's second paragraph and nested list",
                        "- 항목 머리\n\n  항목의 둘째 문단\n\n  - 안쪽 항목",
                        List.of("li1/1 항목 머리", "p1 항목의 둘째 문단", "li2/2 안쪽 항목")),
                Arguments.of("quote paragraphs are segments with the quote depth",
                        "> 인용 첫 문단\n>\n> > 안쪽 인용\n\n> 바깥 다시",
                        List.of("q1/1 인용 첫 문단", "q2/2 안쪽 인용", "q3/1 바깥 다시")),
                Arguments.of("a wrapped quote paragraph is one segment; its content keeps inner markers",
                        "> A quoted message that wraps over\n> two lines without ending the first",
                        List.of("q1/1 A quoted message that wraps over⏎> two lines without ending the first")),
                Arguments.of("fenced code with an info string, with tildes, and indented code",
                        "```java\nint x = 1;\n```\n\n~~~\n보낸 사람: 가상 인물\n~~~\n\n    indented code",
                        List.of("code1 int x = 1;", "code2 보낸 사람: 가상 인물", "code3 indented code")),
                Arguments.of("an unclosed fence runs to the end",
                        "앞 문단\n\n```\n열린 코드\n\n# not a heading",
                        List.of("p1 앞 문단", "code1 열린 코드⏎⏎# not a heading")),
                Arguments.of("an empty fence",
                        "```\n```",
                        List.of("code1")),
                Arguments.of("a paragraph that is only an image is an IMAGE with its alt text",
                        "![고양이 사진](https://example.org/cat.png)\n\n텍스트 ![icon](i.png) 중간",
                        List.of("img1 고양이 사진", "p1 텍스트 ![icon](i.png) 중간")),
                Arguments.of("images on consecutive lines are one IMAGE each",
                        "![a](https://example.org/1.png)\n![b](https://example.org/2.png)",
                        List.of("img1 a", "img2 b")),
                Arguments.of("tables and thematic breaks",
                        "| 이름 | 값 |\n|---|---|\n| 가 | 1 |\n\n***",
                        List.of("tbl1 | 이름 | 값 |⏎|---|---|⏎| 가 | 1 |", "hr1")),
                Arguments.of("footnote bodies",
                        "본문[^1] 입니다.\n\n[^1]: 각주 내용",
                        List.of("p1 본문[^1] 입니다.", "fn1 각주 내용")),
                Arguments.of("front matter",
                        "---\ntitle: 가상의 글\ndate: 2024-05-01\n---\n본문",
                        List.of("fm1 title: 가상의 글⏎date: 2024-05-01", "p1 본문")),
                Arguments.of("front matter that is not YAML is ordinary text",
                        "---\ntitle: [unclosed\n---\n본문",
                        List.of("hr1", "h1/2 title: [unclosed", "p1 본문")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("blocks")
    void cutsTextIntoSegments(String name, String text, List<String> expected) {
        assertThat(Summaries.of(text)).containsExactlyElementsOf(expected);
    }

    @Test
    void spanCoversMarkupAndContentLeavesItOut() {
        String text = "## 제목 ##\n\n> > 깊은 인용\n\n- 항목";
        DocumentStructure structure = StructureAnalyzer.analyze(text);
        IndexedText indexed = new IndexedText(text);
        assertThat(structure.segments()).extracting(s -> indexed.slice(s.span()))
                .containsExactly("## 제목 ##", "> > 깊은 인용", "- 항목");
        assertThat(structure.segments()).extracting(s -> indexed.slice(s.content()))
                .containsExactly("제목", "깊은 인용", "항목");
    }

    @Test
    void fencedSpanRunsFromFenceToFence() {
        String text = "앞\n\n~~~ text\n줄 하나\n줄 둘\n~~~\n\n뒤";
        Segment code = StructureAnalyzer.analyze(text).ofKind(SegmentKind.CODE_BLOCK).get(0);
        IndexedText indexed = new IndexedText(text);
        assertThat(indexed.slice(code.span())).isEqualTo("~~~ text\n줄 하나\n줄 둘\n~~~");
        assertThat(indexed.slice(code.content())).isEqualTo("줄 하나\n줄 둘");
        assertThat(code.level()).isNull();
    }

    @Test
    void frontMatterSpanIncludesBothFences() {
        String text = "---\ntitle: 글\n---\n\n# 제목";
        Segment fm = StructureAnalyzer.analyze(text).segments().get(0);
        assertThat(fm.id()).isEqualTo("fm1");
        assertThat(new IndexedText(text).slice(fm.span())).isEqualTo("---\ntitle: 글\n---");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("languages")
    void detectsEachSegmentsLanguageFromItsOwnScript(String text, String expected) {
        assertThat(StructureAnalyzer.analyze(text).segments().get(0).language()).isEqualTo(expected);
    }

    static Stream<Arguments> languages() {
        return Stream.of(
                Arguments.of("오늘은 도서관에 갔습니다.", "ko"),
                Arguments.of("今日は図書館に行きました。", "ja"),
                Arguments.of("今天我们去了图书馆。", "zh"),
                Arguments.of("We went to the library today.", "en"));
    }

    @Test
    void leavesLanguageUnsetForTooFewLetters() {
        List<Segment> segments = StructureAnalyzer.analyze("- 예\n- OK\n- 12345").segments();
        assertThat(segments).extracting(Segment::language).containsOnlyNulls();
    }

    @Test
    void offsetsAreCodePointsAfterAstralCharacters() {
        // 📢 is one code point and 👱🏻 two (a person and a skin tone), four UTF-16 units in all before "두".
        String text = "📢 공지\n\n👱🏻 두 번째 문단";
        List<Segment> segments = StructureAnalyzer.analyze(text).segments();
        assertThat(segments).extracting(Segment::span).containsExactly(new Span(0, 4), new Span(6, 16));
        IndexedText indexed = new IndexedText(text);
        assertThat(indexed.slice(segments.get(1).span())).isEqualTo("👱🏻 두 번째 문단");
    }

    @Test
    void offsetsAfterEmojiHoldForSplitLinesAndListItemsToo() {
        String text = "👱🏻 줄 하나입니다.\n📢 줄 둘입니다.\n\n- 🤖 항목";
        DocumentStructure structure = StructureAnalyzer.analyze(text);
        IndexedText indexed = new IndexedText(text);
        assertThat(structure.segments()).extracting(s -> indexed.slice(s.span()))
                .containsExactly("👱🏻 줄 하나입니다.", "📢 줄 둘입니다.", "- 🤖 항목");
        assertThat(structure.segments().get(1).span()).isEqualTo(new Span(12, 21));
        assertThat(structure.segments().get(2).content()).isEqualTo(new Span(25, 29));
    }

    @Test
    void idsOfLaterSegmentsSurviveAnEditInsideAnEarlierParagraph() {
        String before = "# 제목\n\n짧은 첫 문단.\n\n둘째 문단.\n\n- 항목\n\n```\ncode\n```\n\n> 인용";
        String after = before.replace("짧은 첫 문단.", "훨씬 길어진 첫 문단, 단어가 많이 더해졌지만 여전히 한 문단이다.");
        List<String> idsBefore = StructureAnalyzer.analyze(before).segments().stream().map(Segment::id).toList();
        List<String> idsAfter = StructureAnalyzer.analyze(after).segments().stream().map(Segment::id).toList();
        assertThat(idsAfter).isEqualTo(idsBefore).containsExactly("h1", "p1", "p2", "li1", "code1", "q1");
        assertThat(StructureAnalyzer.analyze(after).segment("p2").map(s -> new IndexedText(after).slice(s.content())))
                .contains("둘째 문단.");
    }

    @Test
    void idsCountPerKind() {
        List<String> ids = StructureAnalyzer.analyze("# a\n\nb\n\n# c\n\nd\n\n- e\n\n# f").segments().stream()
                .map(Segment::id).toList();
        assertThat(ids).containsExactly("h1", "p1", "h2", "p2", "li1", "h3");
    }

    @Test
    void emptyTextHasNoSegments() {
        DocumentStructure structure = StructureAnalyzer.analyze("");
        assertThat(structure.segments()).isEmpty();
        assertThat(structure.links()).isEmpty();
        assertThat(structure.footnoteRefs()).isEmpty();
    }
}
