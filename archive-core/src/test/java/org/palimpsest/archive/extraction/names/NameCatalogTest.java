package org.palimpsest.archive.extraction.names;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.palimpsest.archive.extraction.IndexedText;
import org.palimpsest.archive.extraction.Span;

class NameCatalogTest {

    private static final NameCatalog BUNDLED = NameCatalog.parse(bundled());

    /** The curated file, read as a caller would: extraction itself does no I/O. */
    static String bundled() {
        try (InputStream in = NameCatalog.class.getResourceAsStream(NameCatalog.BUNDLED_RESOURCE)) {
            assertThat(in).as("bundled catalog on the class path").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "entry-id=matched" for each mention, in order, joined by ";". */
    private static String found(NameCatalog catalog, String text) {
        return String.join(";", catalog.find(new IndexedText(text)).stream()
                .map(m -> m.entryId() + "=" + m.matched()).toList());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            일론 머스크가 오픈AI를 고소했다.            | elon-musk=일론 머스크;openai=오픈AI
            일론머스크가 말했던 확률                    | elon-musk=일론머스크
            엘론은 테슬라와의 합병을 원했다.            | elon-musk=엘론;tesla=테슬라
            머스크의 주장과 샘 올트먼의 반박            | elon-musk=머스크;sam-altman=샘 올트먼
            샘 알트만과 사티아 나델라가 만났다.         | sam-altman=샘 알트만;satya-nadella=사티아 나델라
            마이크로소프트로부터 투자를 받았다.         | microsoft=마이크로소프트
            엔비디아 CEO 젠슨 황은 응원했다.            | nvidia=엔비디아;jensen-huang=젠슨 황
            구글 딥 마인드에 대적하려면                 | deepmind=구글 딥 마인드
            xAI를 창립하였고 MS 자회사라고 했다.        | xai=xAI;microsoft=MS
            일리아 수츠케버의 메일과 그렉 브록먼         | ilya-sutskever=일리아 수츠케버;greg-brockman=그렉 브록먼
            マスクはOpenAIと訴訟を起こした。            | elon-musk=マスク;openai=OpenAI
            イーロン・マスク氏とサム・アルトマン氏      | elon-musk=イーロン・マスク;sam-altman=サム・アルトマン
            イーロンマスクがマイクロソフトを訪ねた      | elon-musk=イーロンマスク;microsoft=マイクロソフト
            イリヤ・サツケバーはOpenAI社を去った        | ilya-sutskever=イリヤ・サツケバー;openai=OpenAI社
            埃隆·马斯克与萨姆·奥尔特曼会面              | elon-musk=埃隆·马斯克;sam-altman=萨姆·奥尔特曼
            马斯克起诉了OpenAI，微软回应                | elon-musk=马斯克;openai=OpenAI;microsoft=微软
            Sam Altman met Satya Nadella at Microsoft.  | sam-altman=Sam Altman;satya-nadella=Satya Nadella;microsoft=Microsoft
            Musk's lawsuit named OPENAI and Nvidia.     | elon-musk=Musk;openai=OPENAI;nvidia=Nvidia
            다나 휘트록은 서민호와 이시다 하루카를 만났다. | dana-whitlock=다나 휘트록;minho-seo=서민호;haruka-ishida=이시다 하루카
            위트록의 회사는 코르비드 랩스였다.          | dana-whitlock=위트록;corvid-labs=코르비드 랩스
            ダナ・ウィットロックとソ・ミンホ            | dana-whitlock=ダナ・ウィットロック;minho-seo=ソ・ミンホ
            ホイットロックはコーヴィッド・ラボを訪れた  | dana-whitlock=ホイットロック;corvid-labs=コーヴィッド・ラボ
            Kestrel AI hired Priya Raman and Tobias Engel. | kestrel-ai=Kestrel AI;priya-raman=Priya Raman;tobias-engel=Tobias Engel
            """)
    void findsNamesInEveryLanguage(String text, String expected) {
        assertThat(found(BUNDLED, text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "머스크멜론을 먹었다",
            "フェイスマスクを着用した",
            "マスクメロンを買った",
            "The muskrat swam away.",
            "Altmanesque optimism",
            "a 10 ms delay and 5 Ms of data",
            "서민호텔에 묵었다",
            "Greg said yes.",
            "奥特曼来了",
            "リードが広がった",
            "see https://example.org/elon-musk-and-openai and www.tesla-fans.example",
    })
    void leavesOtherWordsAlone(String text) {
        assertThat(found(BUNDLED, text)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Google DeepMind and Google        | deepmind=Google DeepMind;google=Google
            OpenAI LP was announced.          | openai=OpenAI LP
            Whitlock Dynamics hired Whitlock. | whitlock-dynamics=Whitlock Dynamics;dana-whitlock=Whitlock
            엘론 머스크와 엘론                | elon-musk=엘론 머스크;elon-musk=엘론
            """)
    void prefersTheLongestSpellingAtAPosition(String text, String expected) {
        assertThat(found(BUNDLED, text)).isEqualTo(expected);
    }

    @Test
    void matchesAnchoredSpellingsOnlyWhereTheEntryIsNamedOtherwise() {
        assertThat(found(BUNDLED, "Greg Brockman arrived. Later Greg said yes."))
                .isEqualTo("greg-brockman=Greg Brockman;greg-brockman=Greg");
        assertThat(found(BUNDLED, "奥尔特曼说，奥特曼同意")).isEqualTo("sam-altman=奥尔特曼;sam-altman=奥特曼");
        assertThat(found(BUNDLED, "Greg said yes to Sam Altman.")).isEqualTo("sam-altman=Sam Altman");
    }

    @Test
    void spansAreCodePointsWithoutTheParticle() {
        String text = "\uD83D\uDE80 머스크가 \uD83D\uDCDC マスクは";
        List<NameMention> mentions = BUNDLED.find(new IndexedText(text));
        assertThat(mentions).extracting(NameMention::span).containsExactly(new Span(2, 5), new Span(9, 12));
        assertThat(new IndexedText(text).slice(mentions.get(1).span())).isEqualTo("マスク");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            엘론 머스크      | elon-musk
            ELON MUSK        | elon-musk
            イーロン マスク  | elon-musk
            埃隆・马斯克     | elon-musk
            Greg             | greg-brockman
            Google DeepMind  | deepmind
            """)
    void resolvesAnySpelling(String spelling, String id) {
        assertThat(BUNDLED.resolve(spelling)).map(NameEntry::id).contains(id);
    }

    @Test
    void resolvesNothingForAnUnknownName() {
        assertThat(BUNDLED.resolve("Nobody Inparticular")).isEmpty();
    }

    @Test
    void shipsTheDisputesPeopleAndOrganizations() {
        assertThat(BUNDLED.entries()).extracting(NameEntry::id).contains(
                "elon-musk", "sam-altman", "greg-brockman", "ilya-sutskever", "shivon-zilis", "reid-hoffman",
                "jensen-huang", "satya-nadella", "openai", "microsoft", "tesla", "nvidia", "google", "deepmind", "xai",
                "dana-whitlock", "minho-seo", "haruka-ishida", "tobias-engel", "priya-raman", "corvid-labs",
                "whitlock-dynamics", "kestrel-ai");
        assertThat(BUNDLED.entry("openai")).map(NameEntry::kind).contains(NameEntry.Kind.ORGANIZATION);
        assertThat(BUNDLED.entry("elon-musk")).map(NameEntry::kind).contains(NameEntry.Kind.PERSON);
    }

    @Test
    void mergesAnEditorsExtension() {
        NameCatalog extension = NameCatalog.parse("""
                # An editor's additions for material that is not about Musk.
                - id: elon-musk
                  canonical: Elon Musk
                  kind: person
                  aliases: [Elon R. Musk]
                  anchored: [マスク]
                - id: nora-kessler
                  canonical: Nora Kessler
                  kind: person
                  aliases: [노라 케슬러, ノーラ・ケスラー]
                  anchored: [Nora]
                - id: corvid-ventures
                  canonical: Corvid Ventures
                  kind: organization
                  aliases: [Corvid]
                """);
        NameCatalog merged = BUNDLED.merge(extension);

        assertThat(found(merged, "マスクを着用した")).isEmpty();
        assertThat(found(merged, "イーロン・マスクとマスク")).isEqualTo("elon-musk=イーロン・マスク;elon-musk=マスク");
        assertThat(found(merged, "Elon R. Musk")).isEqualTo("elon-musk=Elon R. Musk");
        assertThat(found(merged, "노라 케슬러가 Nora라고 불렸다")).isEqualTo("nora-kessler=노라 케슬러;nora-kessler=Nora");
        assertThat(merged.resolve("Corvid")).map(NameEntry::id).contains("corvid-ventures");
        assertThat(merged.entry("corvid-labs").orElseThrow().anchoredAliases()).doesNotContain("Corvid");
        assertThat(merged.entry("elon-musk").orElseThrow().aliases()).contains("Elon R. Musk", "일론 머스크")
                .doesNotContain("マスク");
        // The bundled catalog itself is unchanged.
        assertThat(found(BUNDLED, "マスクを着用した")).isEqualTo("elon-musk=マスク");
        assertThat(BUNDLED.resolve("Corvid")).map(NameEntry::id).contains("corvid-labs");
    }

    static Stream<Arguments> badCatalogs() {
        return Stream.of(
                Arguments.of("""
                        - id: elon-musk
                          canonical: [Elon Musk
                          kind: person
                        """, 3, "flow sequence"),
                Arguments.of("""
                        - id: elon-musk
                          canonical: Elon Musk
                          kind: person
                          alias: [Musk]
                        """, 4, "unknown key 'alias'"),
                Arguments.of("""
                        - id: elon-musk
                          canonical: Elon Musk
                          aliases: [Musk]
                        """, 1, "no kind"),
                Arguments.of("""
                        - id: corvid
                          canonical: Corvid
                          kind: company
                        """, 3, "kind 'company'"),
                Arguments.of("""
                        - id: Elon_Musk
                          canonical: Elon Musk
                          kind: person
                        """, 1, "lowercase"),
                Arguments.of("""
                        - id: a
                          canonical: A
                          kind: person

                        - id: a
                          canonical: B
                          kind: person
                        """, 5, "already used by the entry on line 1"),
                Arguments.of("""
                        - id: elon-musk
                          canonical: Elon Musk
                          kind: person
                          aliases: [머스크]
                        - id: someone-else
                          canonical: Someone Else
                          kind: person
                          aliases:
                            - Someone
                            - 머 스크
                        """, 10, "already a spelling of 'elon-musk' (line 4)"),
                Arguments.of("""
                        elon-musk:
                          canonical: Elon Musk
                        """, 1, "list of entries"),
                Arguments.of("""
                        - id: a
                          canonical: A
                          kind: person
                          aliases: Musk
                        """, 4, "must be a list"));
    }

    @ParameterizedTest(name = "line {1}: {2}")
    @MethodSource("badCatalogs")
    void namesTheLineOfABadCatalog(String yaml, int line, String problem) {
        assertThatThrownBy(() -> NameCatalog.parse(yaml))
                .isInstanceOfSatisfying(NameCatalogException.class, e -> assertThat(e.line()).isEqualTo(line))
                .hasMessageContaining("line " + line)
                .hasMessageContaining(problem);
    }

    @Test
    void anEmptyCatalogFindsNothing() {
        assertThat(NameCatalog.parse("# nothing yet\n").find(new IndexedText("Elon Musk"))).isEmpty();
    }
}
