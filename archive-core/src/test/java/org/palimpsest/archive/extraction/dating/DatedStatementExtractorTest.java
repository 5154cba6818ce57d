package org.palimpsest.archive.extraction.dating;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.palimpsest.archive.extraction.IndexedText;
import org.palimpsest.archive.extraction.Segment;
import org.palimpsest.archive.extraction.SegmentKind;
import org.palimpsest.archive.extraction.Span;

class DatedStatementExtractorTest {

    private static final LocalDate MARCH_13_2024 = LocalDate.of(2024, 3, 13);

    private static List<DatedStatement> extract(String text, @Nullable LocalDate documentDate) {
        IndexedText indexed = new IndexedText(text);
        return DatedStatementExtractor.extract(indexed, LineSegments.of(indexed), "ko", documentDate);
    }

    private static DatedStatement only(String text, @Nullable LocalDate documentDate) {
        List<DatedStatement> found = extract(text, documentDate);
        assertThat(found).as("statements in %s", text).hasSize(1);
        return found.get(0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            2017년 9월 20일 코르비드 랩스가 설립되었다.           | 2017년 9월 20일          | 2017-09-20        | DAY     |             | 2017-09-20 | 2017-09-20
            2017년 가을 휘트록은 회사를 떠났다.                   | 2017년 가을              | 2017-autumn       | SEASON  |             | 2017-09-01 | 2017-11-30
            2017년 겨울 협상이 재개되었다.                        | 2017년 겨울              | 2017-winter       | SEASON  |             | 2017-12-01 | 2018-02-28
            2018년 2월 초 이사회가 열렸다.                        | 2018년 2월 초            | 2018-02-beginning | MONTH   | BEGINNING   | 2018-02-01 | 2018-02-10
            2018년 2월 초순 계약이 체결되었다.                     | 2018년 2월 초순          | 2018-02-early     | MONTH   | EARLY       | 2018-02-01 | 2018-02-10
            2018년 2월 중순 계약이 체결되었다.                     | 2018년 2월 중순          | 2018-02-mid       | MONTH   | MID         | 2018-02-11 | 2018-02-20
            2018년 2월 하순 계약이 체결되었다.                     | 2018년 2월 하순          | 2018-02-late      | MONTH   | LATE        | 2018-02-21 | 2018-02-28
            2018년 2월 말 계약이 체결되었다.                       | 2018년 2월 말            | 2018-02-end       | MONTH   | END         | 2018-02-21 | 2018-02-28
            2016년 초 서민호가 합류했다.                          | 2016년 초                | 2016-beginning    | YEAR    | BEGINNING   | 2016-01-01 | 2016-02-29
            2017년 말 휘트록이 사임했다.                           | 2017년 말                | 2017-end          | YEAR    | END         | 2017-11-01 | 2017-12-31
            2015년 하반기 연구소가 문을 열었다.                    | 2015년 하반기            | 2015-H2           | YEAR    | SECOND_HALF | 2015-07-01 | 2015-12-31
            2015년 상반기 연구소가 문을 열었다.                    | 2015년 상반기            | 2015-H1           | YEAR    | FIRST_HALF  | 2015-01-01 | 2015-06-30
            2020년 3분기 흑자로 돌아섰다.                          | 2020년 3분기             | 2020-Q3           | QUARTER |             | 2020-07-01 | 2020-09-30
            2018年2月初旬に契約が結ばれた。                        | 2018年2月初旬            | 2018-02-early     | MONTH   | EARLY       | 2018-02-01 | 2018-02-10
            2015 年後半に研究所が開設された。                      | 2015 年後半              | 2015-H2           | YEAR    | SECOND_HALF | 2015-07-01 | 2015-12-31
            2017年末にウィットロックが退任した。                   | 2017年末                 | 2017-end          | YEAR    | END         | 2017-11-01 | 2017-12-31
            2017年夏に交渉が始まった。                             | 2017年夏                 | 2017-summer       | SEASON  |             | 2017-06-01 | 2017-08-31
            2015年12月に発表された。                              | 2015年12月               | 2015-12           | MONTH   |             | 2015-12-01 | 2015-12-31
            2019 年 3 月 11 日に提出された。                       | 2019 年 3 月 11 日       | 2019-03-11        | DAY     |             | 2019-03-11 | 2019-03-11
            ２０１９年３月１１日に公開された。                     | ２０１９年３月１１日     | 2019-03-11        | DAY     |             | 2019-03-11 | 2019-03-11
            2016年初めに合意した。                                | 2016年初め               | 2016-beginning    | YEAR    | BEGINNING   | 2016-01-01 | 2016-02-29
            2020年第3四半期に黒字化した。                         | 2020年第3四半期          | 2020-Q3           | QUARTER |             | 2020-07-01 | 2020-09-30
            2017年底，公司宣布重组。                              | 2017年底                 | 2017-end          | YEAR    | END         | 2017-11-01 | 2017-12-31
            2018年初，双方达成协议。                              | 2018年初                 | 2018-beginning    | YEAR    | BEGINNING   | 2018-01-01 | 2018-02-28
            2015年下半年，实验室成立。                            | 2015年下半年             | 2015-H2           | YEAR    | SECOND_HALF | 2015-07-01 | 2015-12-31
            2017年秋天，谈判破裂。                                | 2017年秋天               | 2017-autumn       | SEASON  |             | 2017-09-01 | 2017-11-30
            2020年第三季度营收增长。                              | 2020年第三季度           | 2020-Q3           | QUARTER |             | 2020-07-01 | 2020-09-30
            In late 2017 the board met again.                    | late 2017                | 2017-late         | YEAR    | LATE        | 2017-09-01 | 2017-12-31
            Early 2016 saw the first prototype.                  | Early 2016               | 2016-early        | YEAR    | EARLY       | 2016-01-01 | 2016-04-30
            By mid-2018 the lab had moved.                       | mid-2018                 | 2018-mid          | YEAR    | MID         | 2018-05-01 | 2018-08-31
            At the end of 2017 Whitlock resigned.                | the end of 2017          | 2017-end          | YEAR    | END         | 2017-11-01 | 2017-12-31
            In the first half of 2015 the team grew.             | the first half of 2015   | 2015-H1           | YEAR    | FIRST_HALF  | 2015-01-01 | 2015-06-30
            In December 2015 Corvid Labs was founded.            | December 2015            | 2015-12           | MONTH   |             | 2015-12-01 | 2015-12-31
            The filing is dated Dec. 2015 in the register.       | Dec. 2015                | 2015-12           | MONTH   |             | 2015-12-01 | 2015-12-31
            Sept 2017 brought the first lawsuit.                 | Sept 2017                | 2017-09           | MONTH   |             | 2017-09-01 | 2017-09-30
            On September 20, 2017 the deal closed.               | September 20, 2017       | 2017-09-20        | DAY     |             | 2017-09-20 | 2017-09-20
            On 20 September 2017 the deal closed.                | 20 September 2017        | 2017-09-20        | DAY     |             | 2017-09-20 | 2017-09-20
            In autumn 2017 talks collapsed.                      | autumn 2017              | 2017-autumn       | SEASON  |             | 2017-09-01 | 2017-11-30
            In fall 2017 talks collapsed.                        | fall 2017                | 2017-autumn       | SEASON  |             | 2017-09-01 | 2017-11-30
            Late summer 2017 was tense.                          | Late summer 2017         | 2017-summer-late  | SEASON  | LATE        | 2017-08-01 | 2017-08-31
            Revenue doubled in Q3 2020.                          | Q3 2020                  | 2020-Q3           | QUARTER |             | 2020-07-01 | 2020-09-30
            The memo is dated 2017-09-20 in the archive.         | 2017-09-20               | 2017-09-20        | DAY     |             | 2017-09-20 | 2017-09-20
            In 2017, Priya Raman joined Kestrel AI.              | 2017                     | 2017              | YEAR    |             | 2017-01-01 | 2017-12-31
            2017: Tobias Engel joined Kestrel AI.                | 2017                     | 2017              | YEAR    |             | 2017-01-01 | 2017-12-31
            입력된 문서는 2024. 3. 11. 접수되었다.                | 2024. 3. 11.             | 2024-03-11        | DAY     |             | 2024-03-11 | 2024-03-11
            """)
    void readsEveryAbsoluteShape(String sentence, String expression, String iso, Precision precision,
            @Nullable Qualifier qualifier, LocalDate earliest, LocalDate latest) {
        DatedStatement s = only(sentence, null);
        assertThat(new IndexedText(sentence).slice(s.dateSpan())).isEqualTo(expression);
        assertThat(s.date().iso()).isEqualTo(iso);
        assertThat(s.date().precision()).isEqualTo(precision);
        assertThat(s.date().qualifier()).isEqualTo(qualifier);
        assertThat(s.date().earliest()).isEqualTo(earliest);
        assertThat(s.date().latest()).isEqualTo(latest);
        assertThat(s.relative()).isFalse();
        assertThat(s.resolved()).isTrue();
        assertThat(s.span()).isEqualTo(new Span(0, sentence.codePointCount(0, sentence.length())));
    }

    @ParameterizedTest(name = "{0} as of {1}")
    @CsvSource(delimiter = '|', textBlock = """
            지난달 2월 29일 소송이 제기되었다.      | 2024-03-13 | 2024-02-29     | true
            지난달 2월 29일 소송이 제기되었다.      | 2023-03-13 | XXXX-02-29     | false
            지난 2월 29일 소송이 제기되었다.        | 2025-01-10 | 2024-02-29     | true
            지난 2월 29일 소송이 제기되었다.        | 2023-06-01 | 2020-02-29     | true
            지난달 서민호가 합류했다.               | 2024-01-05 | 2023-12        | true
            지난달 말 서민호가 합류했다.            | 2024-01-05 | 2023-12-end    | true
            지난 5일 서민호가 사임했다.             | 2024-03-13 | 2024-03-05     | true
            지난 5일 서민호가 사임했다.             | 2024-03-03 | 2024-02-05     | true
            지난 31일 서민호가 사임했다.            | 2024-03-13 | 2024-01-31     | true
            5일(현지시간) 코르비드 랩스가 반박했다. | 2024-03-13 | 2024-03-05     | true
            19일(현지시각) 휘트록이 사진을 올렸다.  | 2024-03-13 | 2024-02-19     | true
            3월 5일 휘트록이 사진을 올렸다.         | 2024-03-13 | 2024-03-05     | true
            12월 20일 휘트록이 사진을 올렸다.       | 2024-03-13 | 2023-12-20     | true
            지난해 봄 연구소가 문을 열었다.         | 2024-03-13 | 2023-spring    | true
            작년 회사가 설립되었다.                 | 2024-03-13 | 2023           | true
            지난해 말 계약이 끝났다.                | 2024-03-13 | 2023-end       | true
            올해 3월 제품이 공개되었다.             | 2024-05-02 | 2024-03        | true
            재작년 연구소가 이전했다.               | 2024-03-13 | 2022           | true
            어제 이사회가 열렸다.                   | 2024-03-01 | 2024-02-29     | true
            지난주 소송이 제기되었다.               | 2024-03-13 | 2024-W10       | true
            지난 봄 연구소가 문을 열었다.           | 2024-03-13 | 2023-spring    | true
            昨年、ウィットロックは退任した。        | 2024-03-13 | 2023           | true
            昨年秋に交渉が始まった。                | 2024-03-13 | 2023-autumn    | true
            昨年末に交渉が決裂した。                | 2024-03-13 | 2023-end       | true
            先月20日に発表された。                  | 2024-03-13 | 2024-02-20     | true
            先週、訴訟が起こされた。                | 2024-03-13 | 2024-W10       | true
            昨日、取締役会が開かれた。              | 2024-03-13 | 2024-03-12     | true
            去年，公司成立了。                      | 2024-03-13 | 2023           | true
            去年秋天，谈判破裂了。                  | 2024-03-13 | 2023-autumn    | true
            上个月，双方签署了协议。                | 2024-03-13 | 2024-02        | true
            Last year Kestrel AI raised funds.      | 2024-03-13 | 2023           | true
            Late last year the lab moved.           | 2024-03-13 | 2023-late      | true
            This March the lab opened.              | 2024-05-02 | 2024-03        | true
            Last March the lab opened.              | 2024-03-13 | 2023-03        | true
            Last summer the lab moved.              | 2024-07-10 | 2023-summer    | true
            Last summer the lab moved.              | 2024-12-01 | 2024-summer    | true
            Last month the lab moved.               | 2024-03-13 | 2024-02        | true
            Yesterday the board met.                | 2024-03-13 | 2024-03-12     | true
            On March 5 the board met.               | 2024-03-13 | 2024-03-05     | true
            지난달 2월 29일 소송이 제기되었다.      |            | XXXX-02-29     | false
            지난 5일 서민호가 사임했다.             |            | XXXX-XX-05     | false
            어제 이사회가 열렸다.                   |            | XXXX-XX-XX     | false
            작년 회사가 설립되었다.                 |            | XXXX           | false
            지난해 봄 연구소가 문을 열었다.         |            | XXXX-spring    | false
            지난주 소송이 제기되었다.               |            | XXXX-WXX       | false
            昨年秋に交渉が始まった。                |            | XXXX-autumn    | false
            Last year Kestrel AI raised funds.      |            | XXXX           | false
            """)
    void placesRelativeDatesAgainstThePublication(String sentence, @Nullable LocalDate documentDate, String iso,
            boolean resolved) {
        DatedStatement s = only(sentence, documentDate);
        assertThat(s.relative()).isTrue();
        assertThat(s.resolved()).isEqualTo(resolved);
        assertThat(s.date().iso()).isEqualTo(iso);
        assertThat(s.date().placed()).isEqualTo(resolved);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "입력 2024.03.13 10:21",
            "Posted on March 13, 2024 by Dana Whitlock",
            "公開日：2024年3月13日",
            "2024년 3월 13일 수요일",
            "Date: Friday, March 13, 2024 at 10:21 AM",
            "날짜: 2015년 11월 20일 금요일 오후 12:29",
            "Corvid Labs will launch the model in 2025.",
            "코르비드 랩스는 2025년에 새 모델을 출시할 예정이다.",
            "ケストレルAIは2025年に上場を予定している。",
            "该公司计划于2025年推出新模型。",
            "올해 말 새 모델을 출시할 예정이다.",
            "올해 새 모델을 출시할 예정이다.",
            "행사에는 2000명이 참석했다.",
            "The grant was $2015 in total.",
            "Version 2017.3 shipped quietly.",
            "GTC 2024 drew a large crowd.",
            "About 2019 people signed the letter in 2000 dollars.",
            "The 2010s were quiet for the lab.",
            "2000년대 초 연구소는 조용했다.",
            "1990年代の研究所は静かだった。",
            "2017년형 모델은 잘 팔렸다.",
            "Mr. Seo met Dr. Ishida at the office.",
            "그는 \"이번주 공개할 것\"이라고 밝혔다.",
            "会議は「昨日決まった」と述べた。",
    })
    void leavesOutWhatDatesNoEvent(String text) {
        assertThat(extract(text, MARCH_13_2024)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "Corvid Labs will launch the model in 2025.",
            "코르비드 랩스는 2025년에 새 모델을 출시할 예정이다.",
            "ケストレルAIは2025年に上場を予定している。",
            "该公司计划于2025年推出新模型。",
    })
    void tellsPlansByTheirWordingWithoutADocumentDate(String text) {
        assertThat(extract(text, null)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            2017년 9월 휘트록은 회사를 떠날 계획이라고 밝혔다.           | 2017-09
            In 2017 Whitlock said the lab will close.                    | 2017
            2018年、ウィットロックは退任する予定だと発表した。          | 2018
            2016年，公司表示计划扩张。                                    | 2016
            """)
    void keepsAPlanReportedInThePastAsTheEventOfItsAnnouncement(String text, String iso) {
        assertThat(only(text, null).date().iso()).isEqualTo(iso);
        assertThat(only(text, MARCH_13_2024).date().iso()).isEqualTo(iso);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            2017년 7월 21일, 휘트록은 2030년까지의 계획을 담은 기사를 전달했다. | 2017년 7월 21일 | 2017-07-21
            2025년 출시를 앞둔 제품은 2017년 처음 구상되었다.                   | 2017년          | 2017
            From 2016 to 2019 the lab was in Seoul.                               | 2016            | 2016
            2016~2019년 연구소는 서울에 있었다.                                   | 2016~2019년     | 2016
            The 2016–2019 programme ended quietly.                                | 2016–2019       | 2016
            """)
    void datesASentenceByItsFirstDateThatIsNoPlan(String text, String expression, String iso) {
        DatedStatement s = only(text, MARCH_13_2024);
        assertThat(new IndexedText(text).slice(s.dateSpan())).isEqualTo(expression);
        assertThat(s.date().iso()).isEqualTo(iso);
    }

    @Test
    void aListItemHeadedByABoldDateIsOneStatement() {
        String text = """
                - **2015년 11월**: 코르비드 랩스가 비영리로 출범함. 서민호가 초대 대표를 맡음.
                - **Late 2017** — Whitlock Dynamics bought the lab. It was renamed.
                - 이름이 바뀌었다. 2019년 3월 다시 바뀌었다.
                """;
        List<DatedStatement> found = extract(text, null);
        IndexedText indexed = new IndexedText(text);
        assertThat(found).extracting(s -> s.date().iso()).containsExactly("2015-11", "2017-late", "2019-03");
        assertThat(found.get(0).text()).isEqualTo("2015년 11월: 코르비드 랩스가 비영리로 출범함. 서민호가 초대 대표를 맡음.");
        assertThat(indexed.slice(found.get(0).span())).startsWith("2015년 11월**").endsWith("맡음.");
        assertThat(found.get(1).text()).isEqualTo("Late 2017 — Whitlock Dynamics bought the lab. It was renamed.");
        assertThat(found.get(1).language()).isEqualTo("en");
        assertThat(indexed.slice(found.get(2).span())).isEqualTo("2019년 3월 다시 바뀌었다.");
        assertThat(found).extracting(DatedStatement::segmentId).containsExactly("li1", "li2", "li3");
    }

    @Test
    void headingsAndBoldParagraphsAreRead() {
        String text = """
                ## 2017년 가을: 휘트록이 지분을 요구했다. 협상은 길어졌다.
                **2015년 12월: 코르비드 랩스 공개 발표**
                """;
        List<DatedStatement> found = extract(text, LocalDate.of(2024, 12, 18));
        assertThat(found).extracting(s -> s.date().iso()).containsExactly("2017-autumn", "2015-12");
        assertThat(found.get(1).text()).isEqualTo("2015년 12월: 코르비드 랩스 공개 발표");
    }

    @Test
    void spansCountCodePointsAfterEmoji() {
        String text = "\uD83D\uDE80\uD83D\uDE80 공지\n\uD83D\uDCDC 2017년 9월 20일 서민호가 합류했다. \uD83C\uDF89 2018년 휘트록이 떠났다.";
        List<DatedStatement> found = extract(text, null);
        // Line 1 is "🚀🚀 공지" (5 code points) and its newline; line 2 starts at code point 6 with "📜 ".
        assertThat(found).hasSize(2);
        assertThat(found.get(0).span()).isEqualTo(new Span(6, 31));
        assertThat(found.get(0).dateSpan()).isEqualTo(new Span(8, 20));
        assertThat(found.get(1).dateSpan()).isEqualTo(new Span(34, 39));
        IndexedText indexed = new IndexedText(text);
        assertThat(indexed.slice(found.get(1).dateSpan())).isEqualTo("2018년");
        assertThat(indexed.slice(found.get(1).span())).isEqualTo("\uD83C\uDF89 2018년 휘트록이 떠났다.");
    }

    @Test
    void readsOnlyNonChromeProseUnits() {
        String text = "2017년 9월 20일 서민호가 합류했다.\n2018년 휘트록이 떠났다.\n2019년 코르비드 랩스가 이전했다.";
        IndexedText indexed = new IndexedText(text);
        List<Segment> lines = LineSegments.of(indexed);
        List<Segment> segments = List.of(
                new Segment("code1", SegmentKind.CODE_BLOCK, lines.get(0).span(), lines.get(0).content(), null, null, false),
                new Segment("p1", SegmentKind.PARAGRAPH, lines.get(1).span(), lines.get(1).content(), null, "ko", true),
                lines.get(2));
        List<DatedStatement> found = DatedStatementExtractor.extract(indexed, segments, "ko", null);
        assertThat(found).extracting(s -> s.date().iso()).containsExactly("2019");
    }

    @Test
    void takesTheLanguageOfTheSentenceThenOfTheDocument() {
        String text = "In 2017 Whitlock left.\n2017년 휘트록이 떠났다.\n2017: —";
        List<DatedStatement> found = extract(text, null);
        assertThat(found).extracting(DatedStatement::language).containsExactly("en", "ko");
    }

    @Test
    void ordersStatementsChronologicallyWithUnplacedLast() {
        String text = "2018년 휘트록이 떠났다.\n어제 이사회가 열렸다.\n2017년 9월 서민호가 합류했다.\n2017년 하반기 연구소가 이전했다.";
        List<DatedStatement> sorted = DatedStatementExtractor.chronological(extract(text, null));
        assertThat(sorted).extracting(s -> s.date().iso())
                .containsExactly("2017-H2", "2017-09", "2018", "XXXX-XX-XX");
    }
}
