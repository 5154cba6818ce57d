package org.palimpsest.archive.extraction.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HeaderDateParserTest {

    private static HeaderDate parse(String raw, String hint) {
        return HeaderDateParser.parse(raw, hint).orElseThrow();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            2017년 9월 20일 수요일 오후 2:08                 | ko | 2017-09-20T14:08
            수요일, 7월 12, 2017 오후 1:36                  | ko | 2017-07-12T13:36
            2019년 3월 11일 (월) 오전 8:05                  | ko | 2019-03-11T08:05
            2015년 11월 20일 금요일 오후 12:29               | ko | 2015-11-20T12:29
            2016년 2월 19일 금요일 오전 12시 5분              | ko | 2016-02-19T00:05
            2017년 6월 12일 월요일 오후 10시 39분             | ko | 2017-06-12T22:39
            2019. 3. 11. 오후 3:05                         | ko | 2019-03-11T15:05
            월, 17 Dec 2018 at 15:47                      | ko | 2018-12-17T15:47
            2019年3月11日(月) 8:05                         | ja | 2019-03-11T08:05
            2019年3月11日 午後 3:05                         | ja | 2019-03-11T15:05
            ２０１９年３月１１日（月）　８：０５                  | ja | 2019-03-11T08:05
            2019/03/11 8:05                               | ja | 2019-03-11T08:05
            2019/03/11 (月) 20:05                          | ja | 2019-03-11T20:05
            Mon, Mar 11, 2019 at 8:05 AM                  | en | 2019-03-11T08:05
            Monday, March 11, 2019 8:05 AM                | en | 2019-03-11T08:05
            'March 11th, 2019, 12:30 p.m.'                | en | 2019-03-11T12:30
            11 March 2019 00:15                           | en | 2019-03-11T00:15
            2019-03-11 08:05                              | en | 2019-03-11T08:05
            2019-03-11T08:05:09                           | en | 2019-03-11T08:05:09
            2019年3月11日 星期一 上午8:05                     | zh | 2019-03-11T08:05
            2019年3月11日 周一 下午3:30                       | zh | 2019-03-11T15:30
            2019年3月11日 中午12:10                          | zh | 2019-03-11T12:10
            2019年3月11日 晚上9点30分                         | zh | 2019-03-11T21:30
            'Montag, 11. März 2019 08:05'                 | de | 2019-03-11T08:05
            11.03.2019 um 08:05 Uhr                       | de | 2019-03-11T08:05
            lun. 11 mars 2019 à 08:05                     | fr | 2019-03-11T08:05
            'lunes, 11 de marzo de 2019 8:05'             | es | 2019-03-11T08:05
            3/11/2019 8:05 AM                             | en | 2019-03-11T08:05
            3/11/2019 8:05                                | fr | 2019-11-03T08:05
            13/3/2019 8:05                                | en | 2019-03-13T08:05
            """)
    void readsWallClockWhenNoZoneIsWritten(String raw, String hint, String expected) {
        HeaderDate date = parse(raw, hint);
        assertThat(date.local()).isEqualTo(LocalDateTime.parse(expected));
        assertThat(date.instant()).isNull();
        assertThat(date.zone()).isNull();
        assertThat(date.raw()).isEqualTo(raw.strip());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            2019 年 3 月 11 日午前 8 時 5 分 (日本標準時)         | 2019-03-11T08:05+09:00      | Asia/Tokyo
            2019年3月11日 8:05 JST                           | 2019-03-11T08:05+09:00      | Asia/Tokyo
            2019년 3월 11일 오후 3:05 KST                      | 2019-03-11T15:05+09:00      | Asia/Seoul
            2019년 3월 11일 오후 3:05 (한국 표준시)               | 2019-03-11T15:05+09:00      | Asia/Seoul
            September 20, 2017 at 2:08:41 PM PDT            | 2017-09-20T14:08:41-07:00   | America/Los_Angeles
            Wed, Jan 10, 2018 at 9:00 AM PST                | 2018-01-10T09:00-08:00      | America/Los_Angeles
            Mon, Mar 4, 2019 at 9:00 AM CST                 | 2019-03-04T09:00-06:00      | America/Chicago
            Fri, Jan 4, 2019 at 9:00 AM EST                 | 2019-01-04T09:00-05:00      | America/New_York
            Thu, Jul 4, 2019 at 9:00 AM EDT                 | 2019-07-04T09:00-04:00      | America/New_York
            Fri, Jan 4, 2019 at 9:00 AM MST                 | 2019-01-04T09:00-07:00      | America/Denver
            Mon, 11 Mar 2019 08:05:00 GMT                   | 2019-03-11T08:05Z           | UTC
            2019-03-11 08:05 UTC                            | 2019-03-11T08:05Z           | UTC
            2019-03-11T15:05:00Z                            | 2019-03-11T15:05Z           | UTC
            2019/03/11 8:05 GMT+09:00                       | 2019-03-11T08:05+09:00      | +09:00
            Wed, 20 Sep 2017 14:08:41 -0700                 | 2017-09-20T14:08:41-07:00   | -07:00
            2019-03-11T08:05:00+09:00                       | 2019-03-11T08:05+09:00      | +09:00
            Mon, 11 Mar 2019 08:05:00 +0900 (KST)           | 2019-03-11T08:05+09:00      | Asia/Seoul
            '2019년 3월 11일 월요일, 08시 05분 03초 +0900'       | 2019-03-11T08:05:03+09:00   | +09:00
            2019年3月11日(星期一) 上午8:05 (GMT+08:00)          | 2019-03-11T08:05+08:00      | +08:00
            """)
    void resolvesZonesToInstants(String raw, String expectedInstant, String expectedZone) {
        HeaderDate date = parse(raw, "en");
        assertThat(date.instant()).isEqualTo(OffsetDateTime.parse(expectedInstant));
        assertThat(date.zone()).isEqualTo(expectedZone);
        assertThat(date.local()).isNull();
    }

    @Test
    void standardTimeWrittenDuringDaylightSavingTakesTheZonesRealOffset() {
        // US daylight saving began on 10 March 2019: "PST" two days later is read as Pacific time, -07:00.
        HeaderDate date = parse("Tue, Mar 12, 2019 at 4:05 PM PST", "en");
        assertThat(date.instant()).isEqualTo(OffsetDateTime.parse("2019-03-12T16:05-07:00"));
        assertThat(date.zone()).isEqualTo("America/Los_Angeles");
        assertThat(date.raw()).isEqualTo("Tue, Mar 12, 2019 at 4:05 PM PST");
    }

    @Test
    void usAbbreviationsAreUsZonesNotChina() {
        assertThat(parse("2019/03/11 8:05 CST", "zh").zone()).isEqualTo("America/Chicago");
        assertThat(parse("2019/03/11 8:05 北京时间", "zh").zone()).isEqualTo("Asia/Shanghai");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sometime last spring", "2019년 3월 11일", "March 2019", "2019/13/45 8:05",
            "2019/03/11 99:99", "Mon, Mar 11, 2019 at 8:05 AM and then more words", "8:05", "<삭제됨>",
            "2019-03-11T08:05:00+99:00"})
    void keepsOnlyTheRawTextOfShapesItDoesNotUnderstand(String raw) {
        HeaderDate date = parse(raw, "en");
        assertThat(date.raw()).isEqualTo(raw);
        assertThat(date.understood()).isFalse();
        assertThat(date.zone()).isNull();
    }

    @Test
    void blankIsNoDate() {
        assertThat(HeaderDateParser.parse("  ", "en")).isEmpty();
        assertThat(HeaderDateParser.parse(null, null)).isEmpty();
    }
}
