package org.palimpsest.archive.extraction.dating;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The shortcuts of the date finder — cues looked for before a pattern runs, exact comparison for patterns without
 * cased letters, the metadata test's letter count — held to the slow way on generated text: they may only save time.
 */
class DateShortcutsTest {

    /** Dates of every rule in several spellings and cases, near misses, markup and filler in four scripts. */
    private static final List<String> PIECES = List.of(
            "October 3, 2011", "3 October 2011", "3rd of Oct. 2011", "Sept. 2009", "sept 2009", "MAY 2014", "may 2014",
            "early 2012", "mid-2013", "Late in 2010", "the start of 2016", "the second half of 2008", "1st half of 2019",
            "spring 2015", "late fall 2003", "winter of 2021", "Q2 2016", "q4 '2018", "2016 Q1", "2016/Q3",
            "the fourth quarter of 2012", "3rd quarter 2014", "in 2005", "during 1999", "Since 2003 dollars", "c. 1987",
            "around 2001 people", "throughout 2019,", "2014: ", "2014 - ", "1066", "GTC 2024", "$2015", "7,2015",
            "last year", "LAST YEAR", "late last year", "this year", "last spring", "this Winter", "last June",
            "this may", "this May", "last month", "This Month", "last week", "laſt week", "last wee\u212A",
            "yesterday", "YESTERDAY", "the day before yesterday", "June 9", "June 9th", "9 June", "9th of June",
            "June 9, ", "June 9:", "Janet", "Marvel", "decade", "marching",
            "2011년 10월 3일", "2011년 10월", "2011년", "2011 년 봄", "2012년 3월 하순", "2013년 상반기", "2014년 4분기",
            "2015년 말", "2015년 말레이시아", "2016년 초대", "2000년대", "2019년형", "지난해", "지지난해 여름", "재작년",
            "작년 가을", "올해 5월", "금년", "지난달", "지난 달 12일", "이번달 초", "이달", "저번 주", "지난주말", "이번주",
            "어제", "그저께", "엊그제", "지난 7일", "지난 7일간", "지난 3월", "지난 3월 4일", "지난 겨울", "8일(현지시간)",
            "8일 (미국 동부 시간)", "８일(현지 시간)", "4월 8일", "４월 ８일", "２０１１년 ３월",
            "2011年10月3日", "2011年10月", "2011年", "2011 年春", "2012年3月下旬", "2013年上半期", "2014年第4四半期",
            "2014年第四季度", "2014年Q3", "2014年q3", "2015年末", "2015年底", "2016年初め", "2016年初めて", "1990年代",
            "2017年型", "2018年秋田", "一昨年", "昨年", "去年冬天", "今年", "本年", "基本年収", "先月", "先月15日",
            "上个月", "这个月", "先週", "上星期", "本週", "昨日", "昨天", "おととい", "前天", "15日（現地時間）",
            "3月15日", "３月１５日", "１５日（現地時間）", "２０１４年第４四半期",
            "2011-10-03", "2011-13-03", "2011/10/3", "2011/10/3/4", "2011. 10. 3.", "2011.10.03", "2011–2014",
            "2011 ~ 2014년", "2011〜2014年", "1.2011", "3.14",
            "Date:", "날짜:", "日付：", "Posted on", "By Dana Reyes |", "입력", "Mon", "Wednesday", "9:41", "am", "p.m.",
            "오전", "오후 3시", "수요일", "午前", "10時", "水曜日", "星期三", "周五",
            "the clerk signed", "she will", "plans to", "said", "예정", "했다", "予定", "ました", "计划", "了",
            "**", "_", "`x`", "[a](http://example.org/2011/10/03)", "<https://example.org/?t=20111003>",
            "![fig 2011](img/2011.png)", "](x \"t\")", "ftp://example.org/2011", "<dana@example.org>", "[", "]", "`",
            "\u201c", "\u201d", "(", ")", "「", "」", "\"", ".", "。", "!", "?", ",", "、", "—", "-", "  ", "\t", "\u00A0",
            "\u3000", "Dana", "회의록", "議事録", "会议", "報告", "보고서를 검토", "を確認した", "signed the memo", "𠀋",
            "İ", "ı", "ſ", "\u212A");
    private static final List<String> JOINS = List.of(" ", " ", "", ", ", ". ", "\n", "。", "、", " (", ") ");

    private static String generated(Random random) {
        StringBuilder text = new StringBuilder();
        int pieces = 1 + random.nextInt(random.nextInt(4) == 0 ? 4 : 14);
        for (int i = 0; i < pieces; i++) {
            text.append(PIECES.get(random.nextInt(PIECES.size()))).append(JOINS.get(random.nextInt(JOINS.size())));
        }
        return text.toString();
    }

    @Test
    void cuedFindingFindsWhatEveryPatternFindsEverywhere() {
        Random random = new Random(20261206);
        int expressions = 0;
        int withoutAny = 0;
        for (int i = 0; i < 4000; i++) {
            String text = generated(random);
            List<DateExpression> reference = DateExpressionFinder.findWithoutShortcuts(text);
            assertThat(DateExpressionFinder.find(text)).as("dates of %s", text).isEqualTo(reference);
            expressions += reference.size();
            withoutAny += reference.isEmpty() ? 1 : 0;
        }
        assertThat(expressions).as("expressions found").isGreaterThan(4000);
        assertThat(withoutAny).as("texts without a date").isGreaterThan(100);
    }

    @Test
    void metadataVerdictIsTheSameWithoutRunningTheClockPattern() {
        Random random = new Random(1312);
        int metadata = 0;
        int statements = 0;
        for (int i = 0; i < 4000; i++) {
            String block = InlineMarkup.mask(generated(random));
            List<DateExpression> dates = DateExpressionFinder.find(block);
            boolean full = MetadataLineRule.isMetadata(block, dates, false);
            assertThat(MetadataLineRule.isMetadata(block, dates)).as("metadata verdict on %s", block).isEqualTo(full);
            metadata += full ? 1 : 0;
            statements += full ? 0 : 1;
        }
        assertThat(metadata).as("blocks that are metadata").isGreaterThan(100);
        assertThat(statements).as("blocks that are not").isGreaterThan(100);
    }

    @Test
    void maskingTriesEachPatternOnlyWhereItsMatchesStartAndBlanksTheSame() {
        Random random = new Random(909);
        int blanked = 0;
        for (int i = 0; i < 4000; i++) {
            String text = generated(random);
            String everywhere = InlineMarkup.mask(text, false);
            assertThat(InlineMarkup.mask(text)).as("mask of %s", text).isEqualTo(everywhere);
            blanked += everywhere.equals(text) ? 0 : 1;
        }
        assertThat(blanked).as("texts with markup").isGreaterThan(500);
    }

    @Test
    void wordCuesFoldEveryCharacterAsTheCaseInsensitivePatternsDo() {
        String cueLetters = "abcdefghijklmnopqrstuvwxyz.-/~년해달주제께지난일월年月週周星期昨おとい前天日";
        for (char letter : cueLetters.toCharArray()) {
            Pattern pattern = Pattern.compile(Pattern.quote(String.valueOf(letter)), DateRule.CASE_INSENSITIVE);
            for (int c = 0; c <= Character.MAX_VALUE; c++) {
                if (Character.isSurrogate((char) c)) {
                    continue;
                }
                boolean matches = pattern.matcher(String.valueOf((char) c)).matches();
                assertThat(Cue.Index.fold((char) c) == Cue.Index.fold(letter))
                        .as("U+%04X against %s", c, letter).isEqualTo(matches);
            }
        }
        for (int cp = Character.MIN_SUPPLEMENTARY_CODE_POINT; cp <= Character.MAX_CODE_POINT; cp++) {
            assertThat(Character.toLowerCase(Character.toUpperCase(cp))).as("fold of U+%X", cp)
                    .isGreaterThanOrEqualTo(Character.MIN_SUPPLEMENTARY_CODE_POINT);
        }
    }

    @Test
    void cuesAreFoundWhateverTheCase() {
        assertThat(Cue.anyOf("week").foundIn("LAST WEE\u212A")).isTrue();
        assertThat(Cue.anyOf("last").foundIn("laſt")).isTrue();
        assertThat(Cue.anyOf("last").foundIn("lost")).isFalse();
        assertThat(Cue.digits(4).foundIn("２０１１년")).isTrue();
        assertThat(Cue.digits(4).foundIn("201 1")).isFalse();
        assertThat(Cue.both(Cue.digits(1), Cue.anyOf("월")).foundIn("3월")).isTrue();
        assertThat(Cue.both(Cue.digits(1), Cue.anyOf("월")).foundIn("삼월")).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '\u0000', textBlock = """
            \\b(?<rel>last|this) => true
            [Kk] => true
            [Ss]ept => true
            [Qq](?<q2>[1-4]) => false
            (?<year>[12１２][0-9０-９]{3}) => false
            (?<![가-힣])\\Q지난\\E[ \\t\\u00A0] => false
            [\\p{IsHan}&&[^頃]] => false
            \\d => true
            """)
    void onlyPatternsWithCasedLettersCompareWithoutCase(String regex, boolean cased) {
        assertThat(DateRule.hasCasedLetters(regex)).isEqualTo(cased);
    }
}
