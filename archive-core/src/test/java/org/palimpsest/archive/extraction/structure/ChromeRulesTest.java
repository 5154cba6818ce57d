package org.palimpsest.archive.extraction.structure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.palimpsest.archive.extraction.Segment;
import org.palimpsest.archive.extraction.SegmentKind;

class ChromeRulesTest {

    /** Labels, counts, separators and prose that generated lines are made of. */
    private static final List<String> LINE_PIECES = List.of(
            "Share", "share", "Like", "Comments", "Follow us", "Read more", "Subscribe now", "Related posts", "more",
            "공유하기", "좋아요", "댓글", "관련 기사", "구독", "いいね", "コメント", "シェアする", "関連記事", "分享", "评论",
            "12", "1,204", "3개", "3개의", "12件", "12件の", "5条", "7k", "２", "이메일", "emails", "views",
            "|", "¦", "│", "·", "•", "・", "/", "｜", "-", "—", "…", ".", "!", "。", "©", "(c) 2021", "Copyright",
            "unsubscribe", "수신거부", "配信停止", "All rights reserved",
            "The council circulated the inspection report", "위원회는 점검 보고서를 공개했다", "取締役会は予算案を確認した",
            "longwordwithoutanyspaceatallforthelexicon", "가나다라마바사아자차카타파하가나다라마바사아자차카타");
    private static final List<String> LINE_JOINS = List.of(" ", "", " | ", " · ", "  ", ", ", " / ", "\u3000");

    @Test
    void shortcutsGiveTheVerdictOfTheFullLookUp() {
        java.util.Random random = new java.util.Random(4242);
        int chrome = 0;
        int content = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder line = new StringBuilder();
            int pieces = 1 + random.nextInt(random.nextBoolean() ? 3 : 12);
            for (int k = 0; k < pieces; k++) {
                line.append(LINE_PIECES.get(random.nextInt(LINE_PIECES.size())))
                        .append(LINE_JOINS.get(random.nextInt(LINE_JOINS.size())));
            }
            boolean full = ChromeRules.isChromeLine(line.toString(), false);
            assertThat(ChromeRules.isChromeLine(line.toString())).as("chrome verdict on %s", line).isEqualTo(full);
            chrome += full ? 1 : 0;
            content += full ? 0 : 1;
        }
        assertThat(chrome).as("chrome lines").isGreaterThan(1000);
        assertThat(content).as("content lines").isGreaterThan(1000);
    }


    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "|", "| |", "-", "···",
            "Subscribe", "Subscribe to our newsletter", "Unsubscribe", "구독하기", "수신거부",
            "購読する", "配信停止はこちら", "订阅", "退订", "You can unsubscribe at any time",
            "Share", "Share this post", "Like", "Follow us on Mastodon", "Tweet",
            "공유하기", "좋아요", "댓글", "팔로우",
            "いいね！", "コメントする", "シェア", "フォローする",
            "分享", "点赞", "评论", "关注",
            "12 comments", "コメント 12件", "12件のコメント", "댓글 3개", "3 emails", "3개의 이메일", "评论 5条",
            "Related posts", "관련 기사", "✅관련 기사", "関連記事", "関連する投稿", "相关文章",
            "Read more", "Read more »", "もっと見る", "더 보기", "阅读全文",
            "© 2024 Fictional Press", "Copyright 2023 Example Media", "All rights reserved.", "무단 전재 및 재배포 금지",
            "原文を表示", "原文表示", "Show original", "원문 보기",
            "Share | Like | Comment", "공유하기 · 좋아요 · 댓글 3개", "いいね｜シェア", "分享 / 评论"})
    void recognisesChromeLines(String line) {
        assertThat(ChromeRules.isChromeLine(line)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "The board voted to share the findings with regulators next spring.",
            "Share prices fell sharply",
            "주주들은 좋아요 버튼 대신 직접 의견을 보냈다고 밝혔다.",
            "コメントは控えると述べた。",
            "他在评论中表示同意。",
            "구독자 분들께 감사의 말씀을 전하며 다음 호에서 더 자세한 소식으로 찾아뵙겠습니다.",
            "Readers who follow the case closely will remember the first ruling.",
            "2015년 11월", "12", "원문", "原文", "Byline: 김하늘 기자", "[국내 뉴스]",
            "The report says the copyright dispute ended in 2019 after a long and costly series of hearings "
                    + "that the parties described as exhausting, and the © sign was never mentioned again by "
                    + "anyone who had followed the case from its very first day in the district court until "
                    + "the settlement was signed."})
    void leavesContentAlone(String line) {
        assertThat(ChromeRules.isChromeLine(line)).isFalse();
    }

    static Stream<Arguments> documents() {
        return Stream.of(
                Arguments.of("a related-posts heading takes the list under it, up to the next heading",
                        "## 본문\n\n내용 문단입니다.\n\n## Related posts\n\n- [첫 글](https://example.org/1)\n"
                                + "- [둘째 글](https://example.org/2)\n\n"
                                + "[셋째 글](https://example.org/3)\n\n## 다음 장\n\n계속되는 내용입니다.",
                        List.of("h1/2 본문", "p1 내용 문단입니다.", "h2/2* Related posts",
                                "li1/1* [첫 글](https://example.org/1)", "li2/1* [둘째 글](https://example.org/2)",
                                "chrome1 [셋째 글](https://example.org/3)", "h3/2 다음 장", "p2 계속되는 내용입니다.")),
                Arguments.of("a related section ends at the first ordinary paragraph",
                        "関連記事\n\n- [記事A](https://example.jp/a)\n\n本文の続きです。",
                        List.of("chrome1 関連記事", "li1/1* [記事A](https://example.jp/a)", "p1 本文の続きです。")),
                Arguments.of("a related marker does not swallow a list that merely continues past it",
                        "1. 첫 소식 |\n본문 문장입니다.\n✅관련 기사\n|\n2. 둘째 소식 |\n둘째 본문입니다.",
                        List.of("li1/1 첫 소식", "p1 본문 문장입니다.", "chrome1 ✅관련 기사", "chrome2 |",
                                "li2/1 둘째 소식", "p2 둘째 본문입니다.")),
                Arguments.of("a button bar is chrome as a whole, unknown labels included",
                        "本文の段落です。\n\n- 応援\n- コメント\n- シェア",
                        List.of("p1 本文の段落です。", "li1/1* 応援", "li2/1* コメント", "li3/1* シェア")),
                Arguments.of("a list of short content items is no button bar",
                        "- 사과\n- 배\n- 포도",
                        List.of("li1/1 사과", "li2/1 배", "li3/1 포도")),
                Arguments.of("Chinese counters and buttons after a post",
                        "这是正文的最后一句。\n\n点赞 12\n评论 3\n分享",
                        List.of("p1 这是正文的最后一句。", "chrome1 点赞 12", "chrome2 评论 3", "chrome3 分享")),
                Arguments.of("an English footer",
                        "Thanks for reading this week's issue.\n\nShare this post\n\n"
                                + "© 2024 Fictional Weekly · Unsubscribe",
                        List.of("p1 Thanks for reading this week's issue.", "chrome1 Share this post",
                                "chrome2 © 2024 Fictional Weekly · Unsubscribe")),
                Arguments.of("a comments heading is chrome and keeps its kind",
                        "## 댓글 3개\n\n첫 댓글의 내용은 본문으로 남습니다.",
                        List.of("h1/2* 댓글 3개", "p1 첫 댓글의 내용은 본문으로 남습니다.")),
                Arguments.of("an empty scraped bullet is chrome",
                        "-\n\n뉴스 제목",
                        List.of("li1/1*", "p1 뉴스 제목")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void marksChromeInContext(String name, String text, List<String> expected) {
        assertThat(Summaries.of(text)).containsExactlyElementsOf(expected);
    }

    @Test
    void mainFlowLeavesChromeOut() {
        DocumentStructure structure = StructureAnalyzer.analyze("본문입니다.\n\n좋아요\n\n- 공유하기\n- 댓글");
        assertThat(structure.mainFlow()).extracting(Segment::id).containsExactly("p1");
        assertThat(structure.chrome()).extracting(Segment::kind)
                .containsExactly(SegmentKind.CHROME, SegmentKind.LIST_ITEM, SegmentKind.LIST_ITEM);
        assertThat(structure.chrome()).allMatch(Segment::chrome);
    }
}
