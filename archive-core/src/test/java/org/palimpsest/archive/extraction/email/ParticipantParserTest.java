package org.palimpsest.archive.extraction.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParticipantParserTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            Dana Whitlock <dana@corvid.example>           | Dana Whitlock  | dana@corvid.example  | false
            '"Whitlock, Dana" <dana@corvid.example>'     | Whitlock, Dana | dana@corvid.example  | false
            dana@corvid.example                           | -              | dana@corvid.example  | false
            <dana@corvid.example>                         | -              | dana@corvid.example  | false
            dana@corvid.example (Dana Whitlock)           | Dana Whitlock  | dana@corvid.example  | false
            Dana Whitlock [mailto:dana@corvid.example]    | Dana Whitlock  | dana@corvid.example  | false
            Minho Seo                                     | Minho Seo      | -                    | false
            다나 휘트록 <dana@corvid.example>               | 다나 휘트록       | dana@corvid.example  | false
            Dana Whitlock <redacted>                      | Dana Whitlock  | -                    | true
            Dana Whitlock <REDACTED>                      | Dana Whitlock  | -                    | true
            다나 휘트록 <삭제됨>                              | 다나 휘트록       | -                    | true
            다나 휘트록 <삭제됨 >                             | 다나 휘트록       | -                    | true
            ダナ・ウィットロック <削除済み>                       | ダナ・ウィットロック  | -                    | true
            Dana Whitlock <>                              | Dana Whitlock  | -                    | true
            Dana Whitlock < >                             | Dana Whitlock  | -                    | true
            Dana Whitlock <█████>                         | Dana Whitlock  | -                    | true
            Dana Whitlock <█████@█████.com>               | Dana Whitlock  | -                    | true
            dana@█████.example                            | -              | -                    | true
            Dana Whitlock [mailto:█████]                  | Dana Whitlock  | -                    | true
            <삭제됨>                                       | -              | -                    | true
            █████                                         | -              | -                    | true
            Aiko ████                                     | Aiko           | -                    | true
            Jun Park [REDACTED]                           | Jun Park       | -                    | true
            """)
    void readsOneParticipant(String entry, String name, String address, boolean redacted) {
        Participant p = ParticipantParser.parseOne(entry);
        assertThat(p).isNotNull();
        assertThat(p.name()).isEqualTo(name);
        assertThat(p.address()).isEqualTo(address);
        assertThat(p.redacted()).isEqualTo(redacted);
        assertThat(p.raw()).isEqualTo(entry.strip());
    }

    @Test
    void anEmptyPairSplitOverTwoLinesIsARedactedAddress() {
        Participant p = ParticipantParser.parseOne("Dana Whitlock <\n>");
        assertThat(p).isNotNull();
        assertThat(p.name()).isEqualTo("Dana Whitlock");
        assertThat(p.redacted()).isTrue();
        assertThat(p.address()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Dana Whitlock <dana@corvid.example>, Minho Seo <minho@corvid.example>   | 2
            Dana Whitlock <dana@corvid.example>; Minho Seo <minho@corvid.example>   | 2
            ダナ <dana@corvid.example>、ミンホ <minho@corvid.example>                   | 2
            丹娜 <dana@corvid.example>，民浩 <minho@corvid.example>                    | 2
            '"Whitlock, Dana" <dana@corvid.example>, Minho Seo'                  | 2
            <삭제됨> <삭제됨>, Aiko Tanaka <삭제됨>                                     | 3
            Dana Whitlock <삭제됨>, <삭제됨>, Minho Seo <삭제됨>                          | 3
            Dana <a@corvid.example> Minho <b@corvid.example>                         | 2
            ' , ; '                                                                  | 0
            """)
    void splitsLists(String value, int count) {
        assertThat(ParticipantParser.parseList(value)).hasSize(count);
    }

    @Test
    void keepsTheOrderAndTheNamesOfAList() {
        List<Participant> list = ParticipantParser.parseList("Dana Whitlock <삭제됨>, <삭제됨>, 서민호 <minho@corvid.example>");
        assertThat(list).extracting(Participant::name).containsExactly("Dana Whitlock", null, "서민호");
        assertThat(list).extracting(Participant::redacted).containsExactly(true, true, false);
    }
}
