package org.palimpsest.archive.extraction.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AttributionLineTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            On Mon, Mar 11, 2019 at 8:05 AM, Dana Whitlock <dana@corvid.example> wrote:     | Dana Whitlock      | dana@corvid.example | 2019-03-11T08:05 | en
            On Mon, Mar 11, 2019 at 8:05 AM Dana Whitlock <dana@corvid.example> wrote:      | Dana Whitlock      | dana@corvid.example | 2019-03-11T08:05 | en
            'On Mar 11, 2019, at 8:05 AM, Dana Whitlock <dana@corvid.example> wrote:'       | Dana Whitlock      | dana@corvid.example | 2019-03-11T08:05 | en
            On Mon, Mar 11, 2019 at 8:05 AM Sam Park <redacted> wrote:                      | Sam Park           | -                   | 2019-03-11T08:05 | en
            Dana Whitlock <dana@corvid.example> wrote:                                      | Dana Whitlock      | dana@corvid.example | -                | en
            '2019년 3월 11일 (월) 오전 8:05, 다나 휘트록 <dana@corvid.example>님이 작성:'          | 다나 휘트록           | dana@corvid.example | 2019-03-11T08:05 | ko
            '2019년 3월 11일 오전 11시 48분, 서민호 <삭제됨>이 다음과 같이 썼습니다.'                | 서민호               | -                   | 2019-03-11T11:48 | ko
            '2019년 3월 11일 오후 3시 42분, Sam Park <redacted>이 다음과 같이 썼습니다:'            | Sam Park           | -                   | 2019-03-11T15:42 | ko
            2019年3月11日(月) 8:05 ダナ・ウィットロック <dana@corvid.example>:                 | ダナ・ウィットロック     | dana@corvid.example | 2019-03-11T08:05 | ja
            2019年3月11日 8:05、ダナ・ウィットロック さんは書きました:                             | ダナ・ウィットロック     | -                   | 2019-03-11T08:05 | ja
            Dana Whitlock <dana@corvid.example> 于2019年3月11日周一 上午8:05写道：             | Dana Whitlock      | dana@corvid.example | 2019-03-11T08:05 | zh
            '2019年3月11日 下午3:05，丹娜 <dana@corvid.example> 写道：'                         | 丹娜                | dana@corvid.example | 2019-03-11T15:05 | zh
            Am 11.03.2019 um 08:05 schrieb Dana Whitlock <dana@corvid.example>:            | Dana Whitlock      | dana@corvid.example | 2019-03-11T08:05 | de
            'Le lun. 11 mars 2019 à 08:05, Dana Whitlock <dana@corvid.example> a écrit :'   | Dana Whitlock      | dana@corvid.example | 2019-03-11T08:05 | fr
            'El lun, 11 mar 2019 a las 8:05, Dana Whitlock (<dana@corvid.example>) escribió:' | Dana Whitlock    | dana@corvid.example | 2019-03-11T08:05 | es
            """)
    void readsSenderAndDate(String line, String name, String address, String local, String language) {
        AttributionLine.Attribution a = AttributionLine.parse(line).orElseThrow();
        assertThat(a.from()).isNotNull();
        assertThat(a.from().name()).isEqualTo(name);
        assertThat(a.from().address()).isEqualTo(address);
        if (local == null) {
            assertThat(a.date()).isNull();
        } else {
            assertThat(a.date()).isNotNull();
            assertThat(a.date().local()).isEqualTo(LocalDateTime.parse(local));
        }
        assertThat(a.language()).isEqualTo(language);
    }

    @org.junit.jupiter.api.Test
    void keepsTheZoneOfTheAttributionDate() {
        AttributionLine.Attribution a = AttributionLine
                .parse("On Tue, Mar 12, 2019 at 4:05 PM PST, Minho Seo <minho@corvid.example> wrote:").orElseThrow();
        assertThat(a.date().instant()).isEqualTo(OffsetDateTime.parse("2019-03-12T16:05-07:00"));
        assertThat(a.from().name()).isEqualTo("Minho Seo");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "On the other hand, Dana wrote the report.",
            "On the 11th we met and she wrote:",
            "On the whole, the budget holds.",
            "He wrote:",
            "Dana wrote back the next day",
            "그는 이렇게 썼습니다.",
            "2019년 3월 11일, 다나는 메일에 이렇게 답했습니다:",
            "2019년 3월 11일, 보고서를 작성했습니다.",
            "作成していただいた内容はこちらです:",
            "2019年3月11日に発表されました:",
            "他写道："})
    void leavesProseAlone(String line) {
        assertThat(AttributionLine.parse(line)).isEmpty();
    }
}
