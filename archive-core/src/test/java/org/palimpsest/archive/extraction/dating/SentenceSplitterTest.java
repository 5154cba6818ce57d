package org.palimpsest.archive.extraction.dating;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SentenceSplitterTest {

    static Stream<Arguments> blocks() {
        return Stream.of(
                Arguments.of("엘론은 떠났다. 그리고 돌아오지 않았다.", List.of("엘론은 떠났다.", "그리고 돌아오지 않았다.")),
                Arguments.of("공개했습니다.(사진) 그 사진에는 두 사람이 있다.", List.of("공개했습니다.", "(사진) 그 사진에는 두 사람이 있다.")),
                Arguments.of("일론 머스크...무리수를 던졌다.", List.of("일론 머스크...무리수를 던졌다.")),
                Arguments.of("It rose 2.5 percent. Then it fell.", List.of("It rose 2.5 percent.", "Then it fell.")),
                Arguments.of("Mr. Seo met Dr. Ishida in Dec. 2015 at the U.S. office. They talked.",
                        List.of("Mr. Seo met Dr. Ishida in Dec. 2015 at the U.S. office.", "They talked.")),
                Arguments.of("Minho J. Seo signed. Nobody else did.", List.of("Minho J. Seo signed.", "Nobody else did.")),
                Arguments.of("Wait... what happened? Nothing!", List.of("Wait... what happened?", "Nothing!")),
                Arguments.of("会議は終わった。次の日に再開した！本当か？", List.of("会議は終わった。", "次の日に再開した！", "本当か？")),
                Arguments.of("彼は「明日行く。必ず行く。」と言った。翌日来た。", List.of("彼は「明日行く。必ず行く。」と言った。", "翌日来た。")),
                Arguments.of("第一句话。第二句话", List.of("第一句话。", "第二句话")),
                Arguments.of("He said \"we won.\" Then he left.", List.of("He said \"we won.\"", "Then he left.")),
                Arguments.of("그는 \"좋습니다. 합시다.\"라고 답했다. 회의는 끝났다.",
                        List.of("그는 \"좋습니다. 합시다.\"라고 답했다.", "회의는 끝났다.")),
                Arguments.of("(DGX-1은 슈퍼컴퓨터입니다.) 다음 문장이다.", List.of("(DGX-1은 슈퍼컴퓨터입니다.)", "다음 문장이다.")),
                Arguments.of("첫째 줄이다  \n둘째 줄이다", List.of("첫째 줄이다", "둘째 줄이다")),
                Arguments.of("a first line\ncontinues here.", List.of("a first line\ncontinues here.")),
                Arguments.of("See https://example.org/a.b. Then go.", List.of("See https://example.org/a.b.", "Then go.")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("blocks")
    void cutsBlocksIntoSentences(String block, List<String> sentences) {
        List<Slice> found = SentenceSplitter.split(block, InlineMarkup.mask(block), List.of());
        assertThat(found).extracting(s -> block.substring(s.start(), s.end())).containsExactlyElementsOf(sentences);
    }
}
