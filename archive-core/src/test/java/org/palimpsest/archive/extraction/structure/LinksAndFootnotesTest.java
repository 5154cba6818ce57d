package org.palimpsest.archive.extraction.structure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.palimpsest.archive.extraction.IndexedText;
import org.palimpsest.archive.extraction.Span;

class LinksAndFootnotesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            see https://example.org/a.                        | https://example.org/a
            (https://example.org/a) 참고                      | https://example.org/a
            https://en.wikipedia.org/wiki/Set_(mathematics)   | https://en.wikipedia.org/wiki/Set_(mathematics)
            자세한 내용은 https://example.org/news에서 확인   | https://example.org/news
            「https://example.jp/a」を参照                    | https://example.jp/a
            详情见https://example.cn/b。                      | https://example.cn/b
            <https://example.org/auto>                        | https://example.org/auto
            Visit www.example.org, then leave.                | www.example.org
            **https://example.org/bold** 굵게                 | https://example.org/bold
            영상: https://video.example/watch?v=a1&t=99.      | https://video.example/watch?v=a1&t=99
            """)
    void findsOneUrlWithoutTrailingPunctuation(String text, String url) {
        List<InlineLink> links = StructureAnalyzer.analyze(text).links();
        assertThat(links).extracting(InlineLink::url).containsExactly(url);
        // The span is the URL itself for bare URLs; an autolink's span keeps its angle brackets.
        String marked = new IndexedText(text).slice(links.get(0).span());
        assertThat(marked).isIn(url, "<" + url + ">");
    }

    @Test
    void readsMarkdownLinksImagesAndAutolinks() {
        String text = "[라벨](https://example.org/x) 그리고 ![대체 글](https://example.org/i.png) <https://example.org/y>";
        DocumentStructure structure = StructureAnalyzer.analyze(text);
        IndexedText indexed = new IndexedText(text);
        assertThat(structure.links()).extracting(InlineLink::url, InlineLink::label, InlineLink::image)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("https://example.org/x", "라벨", false),
                        org.assertj.core.groups.Tuple.tuple("https://example.org/i.png", "대체 글", true),
                        org.assertj.core.groups.Tuple.tuple("https://example.org/y", null, false));
        assertThat(structure.links()).extracting(l -> indexed.slice(l.span())).containsExactly(
                "[라벨](https://example.org/x)", "![대체 글](https://example.org/i.png)", "<https://example.org/y>");
    }

    @Test
    void listsTheImageOfAnImageSegmentToo() {
        DocumentStructure structure = StructureAnalyzer.analyze("![](https://example.org/photo.webp)");
        assertThat(structure.segments()).extracting(s -> s.id()).containsExactly("img1");
        assertThat(structure.links()).singleElement().satisfies(link -> {
            assertThat(link.image()).isTrue();
            assertThat(link.label()).isNull();
            assertThat(link.span()).isEqualTo(structure.segments().get(0).span());
        });
    }

    @Test
    void findsBareUrlsInFencedEmailsButNotInInlineCode() {
        String text = "`https://example.org/code` 예시\n\n```\n보낸 사람: 가상 인물\n링크: https://example.org/mail.\n```";
        assertThat(StructureAnalyzer.analyze(text).links()).extracting(InlineLink::url)
                .containsExactly("https://example.org/mail");
    }

    @Test
    void spansOfLinksAreCodePoints() {
        String text = "👱🏻 see https://example.org/a.";
        // 👱🏻 is two code points: "👱🏻 see " is 7.
        assertThat(StructureAnalyzer.analyze(text).links().get(0).span()).isEqualTo(new Span(7, 28));
    }

    @Test
    void linksFootnoteMarkersToTheirBodies() {
        String text = "첫 문장[^1] 그리고 둘째[^Note].\n\n[^1]: 첫 각주\n\n[^note]: 둘째 각주\n\n고아 표시[^9] 하나.";
        DocumentStructure structure = StructureAnalyzer.analyze(text);
        assertThat(Summaries.of(text, structure)).containsExactly(
                "p1 첫 문장[^1] 그리고 둘째[^Note].", "fn1 첫 각주", "fn2 둘째 각주", "p2 고아 표시[^9] 하나.");
        assertThat(structure.footnoteRefs()).extracting(FootnoteRef::label, FootnoteRef::footnoteSegmentId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("1", "fn1"),
                        org.assertj.core.groups.Tuple.tuple("Note", "fn2"),
                        org.assertj.core.groups.Tuple.tuple("9", null));
        assertThat(new IndexedText(text).slice(structure.footnoteRefs().get(0).span())).isEqualTo("[^1]");
    }

    @Test
    void ignoresFootnoteMarkersInCode() {
        String text = "`[^1]` 은 코드\n\n```\n[^2]\n```\n\n[^1]: 본문";
        assertThat(StructureAnalyzer.analyze(text).footnoteRefs()).isEmpty();
    }

    @Test
    void footnoteMarkerSpansCountCodePoints() {
        String text = "📢 공지[^a]\n\n[^a]: 설명";
        FootnoteRef ref = StructureAnalyzer.analyze(text).footnoteRefs().get(0);
        assertThat(ref.span()).isEqualTo(new Span(4, 8));
        assertThat(ref.footnoteSegmentId()).isEqualTo("fn1");
    }
}
