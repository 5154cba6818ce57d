package org.palimpsest.archive.extraction.structure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Paragraphs without blank lines: when they are a feed of independent lines, and when wrapped prose. */
class LineSplittingTest {

    static Stream<Arguments> paragraphs() {
        return Stream.of(
                Arguments.of("one sentence per line is split",
                        "오늘은 비가 왔다.\n내일은 맑을 예정이다.\n모레는 다시 흐리다.",
                        List.of("p1 오늘은 비가 왔다.", "p2 내일은 맑을 예정이다.", "p3 모레는 다시 흐리다.")),
                Arguments.of("prose wrapped at a fixed width stays one paragraph",
                        "This paragraph was wrapped by an email client at a fixed\n"
                                + "width, so its lines end in the middle of sentences and the\n"
                                + "next line continues in lower case. Nothing here should be\n"
                                + "split apart.",
                        List.of("p1 This paragraph was wrapped by an email client at a fixed⏎"
                                + "width, so its lines end in the middle of sentences and the⏎"
                                + "next line continues in lower case. Nothing here should be⏎split apart.")),
                Arguments.of("wrapped Japanese prose stays one paragraph",
                        "この段落は固定幅で折り返されているので、行の終わりが文の途中に\n"
                                + "なっていて、次の行がその続きになっているという例を示している\n"
                                + "ものであり、分割されてはならない。",
                        List.of("p1 この段落は固定幅で折り返されているので、行の終わりが文の途中に⏎"
                                + "なっていて、次の行がその続きになっているという例を示している⏎"
                                + "ものであり、分割されてはならない。")),
                Arguments.of("in a line-oriented paragraph a lower-case line continues the one before",
                        "Short title\nThe first sentence ends here.\nA second sentence starts\nand goes on.",
                        List.of("p1 Short title", "p2 The first sentence ends here.",
                                "p3 A second sentence starts⏎and goes on.")),
                Arguments.of("a scraped newsletter: title, separators, sentences, emoji lines",
                        "주간 가상 소식 3호\n"
                                + "이번 호의 부제입니다 |\n"
                                + "|\n"
                                + "|\n"
                                + "새 도서관이 문을 열었습니다.\n"
                                + "👱🏻 시장: 모두를 위한 공간입니다!\n"
                                + "📢Today's picks",
                        List.of("p1 주간 가상 소식 3호", "p2 이번 호의 부제입니다", "chrome1 |", "chrome2 |",
                                "p3 새 도서관이 문을 열었습니다.", "p4 👱🏻 시장: 모두를 위한 공간입니다!",
                                "p5 📢Today's picks")),
                Arguments.of("a numbered section title swallowing lazy lines gives them back as paragraphs",
                        "1. 첫 소식 |\n|\n본문 첫 문장입니다.\n본문 둘째 문장입니다.",
                        List.of("li1/1 첫 소식", "chrome1 |", "p1 본문 첫 문장입니다.", "p2 본문 둘째 문장입니다.")),
                Arguments.of("chrome lines stand alone even inside wrapped prose",
                        "A long paragraph that wraps at some width and does\nnot end its lines with stops\n구독하기",
                        List.of("p1 A long paragraph that wraps at some width and does⏎not end its lines with stops",
                                "chrome1 구독하기")),
                Arguments.of("bullets glued into a paragraph become list items",
                        "요약:\n• 첫째 요점\n• 둘째 요점\n원문 보기",
                        List.of("p1 요약:", "li1/1 첫째 요점", "li2/1 둘째 요점", "chrome1 원문 보기")),
                Arguments.of("hard line breaks make lines stand apart",
                        "**굵은 제목 줄이지만 문장부호 없이 끝나고 길기도 한 줄**  \n본문은 다음 줄에 이어집니다.",
                        List.of("p1 **굵은 제목 줄이지만 문장부호 없이 끝나고 길기도 한 줄**", "p2 본문은 다음 줄에 이어집니다.")),
                Arguments.of("a hard line break holds even before a lower-case line",
                        "Roses are red,  \nviolets are blue,\\\nand so is this line.",
                        List.of("p1 Roses are red,", "p2 violets are blue,", "p3 and so is this line.")),
                Arguments.of("an image line inside a paragraph is its own IMAGE",
                        "사진 설명 앞 문장.\n![지도](https://example.org/map.png)\n사진 뒤 문장.",
                        List.of("p1 사진 설명 앞 문장.", "img1 지도", "p2 사진 뒤 문장.")),
                Arguments.of("a quote of independent lines splits into quote segments",
                        "> 안녕하세요.\n> 회의는 목요일입니다.\n> 감사합니다.",
                        List.of("q1/1 안녕하세요.", "q2/1 회의는 목요일입니다.", "q3/1 감사합니다.")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("paragraphs")
    void splitsOnlyIndependentLines(String name, String text, List<String> expected) {
        assertThat(Summaries.of(text)).containsExactlyElementsOf(expected);
    }
}
