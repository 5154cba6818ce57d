package org.palimpsest.archive.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScriptLanguageTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            오늘 회의는 취소되었습니다.                                  | ko
            회의에서 Dana Whitlock과 Corvid Labs가 논의했습니다.           | ko
            会議は中止になりました。                                     | ja
            Dana WhitlockはCorvid Labsの理事会に手紙を送った。             | ja
            理事会在二〇一八年改变了方针，他们同意了。                       | zh
            董事会于二〇一八年改变了方针。                                | zh
            The board changed course in early 2018.                    | en
            Совет директоров изменил курс.                              | ru
            """)
    void detectsByScript(String text, String expected) {
        assertThat(ScriptLanguage.detect(text)).contains(expected);
    }

    @ParameterizedTest
    @CsvSource({"'2019-03-11 12:00'", "'  --- ***'", "''"})
    void textWithoutLettersHasNoLanguage(String text) {
        assertThat(ScriptLanguage.detect(text)).isEqualTo(Optional.empty());
    }
}
