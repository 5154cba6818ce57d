package org.palimpsest.archive.extraction.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.palimpsest.archive.extraction.IndexedText;
import org.palimpsest.archive.extraction.redaction.Redaction;

class EmailExtractorTest {

    private static final String FENCE = "```";

    private static List<ExtractedEmail> extract(String text) {
        return EmailExtractor.extract(text);
    }

    private static ExtractedEmail only(String text) {
        List<ExtractedEmail> emails = extract(text);
        assertThat(emails).hasSize(1);
        return emails.get(0);
    }

    // --- labels ---------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}: {1} / {2} / {3} / {4} / {5}")
    @CsvSource(delimiter = '|', textBlock = """
            en | From     | To       | Cc    | Date     | Subject
            en | From     | To       | Cc    | Sent     | Subject
            en | FROM     | TO       | CC    | DATE     | SUBJECT
            ko | 보낸 사람  | 받는 사람  | 참조   | 날짜      | 제목
            ko | 보낸사람   | 받는사람   | 참조   | 보낸 날짜  | 제목
            ja | 差出人    | 宛先      | CC    | 日付      | 件名
            ja | 送信者    | 宛先      | CC    | 送信日時   | 件名
            ja | 差出人    | 宛先      | CC    | 日時      | 件名
            ja | から      | に        | CC    | 日時      | 件名
            zh | 发件人    | 收件人    | 抄送   | 日期      | 主题
            zh | 发件人    | 收件人    | 抄送   | 发送时间   | 主题
            zh | 发件人    | 收件人    | 抄送   | 时间      | 主题
            de | Von      | An       | Cc    | Datum    | Betreff
            fr | De       | À        | Cc    | Date     | Objet
            es | De       | Para     | CC    | Fecha    | Asunto
            """)
    void readsEveryLabelSet(String language, String from, String to, String cc, String date, String subject) {
        String text = from + ": Dana Whitlock <dana@corvid.example>\n"
                + to + ": Minho Seo <minho@corvid.example>\n"
                + cc + ": Aiko Tanaka <aiko@corvid.example>\n"
                + date + ": 2019/03/11 8:05\n"
                + subject + ": Lab budget\n"
                + "\n"
                + "Minho, the numbers are in.\n";
        ExtractedEmail email = only(text);
        assertThat(email.headerLanguage()).isEqualTo(language);
        assertThat(email.from()).isEqualTo(
                new Participant("Dana Whitlock", "dana@corvid.example", false, "Dana Whitlock <dana@corvid.example>"));
        assertThat(email.to()).extracting(Participant::name).containsExactly("Minho Seo");
        assertThat(email.cc()).extracting(Participant::address).containsExactly("aiko@corvid.example");
        assertThat(email.date().local()).isEqualTo(LocalDateTime.parse("2019-03-11T08:05"));
        assertThat(email.subject()).isEqualTo("Lab budget");
        assertThat(email.body()).isEqualTo("Minho, the numbers are in.");
        assertThat(email.relation()).isEqualTo(ExtractedEmail.Relation.TOP);
        assertThat(email.localId()).isEqualTo("e1");
    }

    @Test
    void readsBccAndReplyToWithoutMistakingThemForOtherFields() {
        ExtractedEmail email = only("""
                From: Dana Whitlock <dana@corvid.example>
                Reply-To: Corvid Labs <lab@corvid.example>
                To: Minho Seo <minho@corvid.example>
                Bcc: Aiko Tanaka <aiko@corvid.example>
                Date: 2019/03/11 8:05
                Body.
                """);
        assertThat(email.bcc()).extracting(Participant::name).containsExactly("Aiko Tanaka");
        assertThat(email.to()).extracting(Participant::name).containsExactly("Minho Seo");
        assertThat(email.from().name()).isEqualTo("Dana Whitlock");
        assertThat(email.cc()).isEmpty();
        assertThat(email.body()).isEqualTo("Body.");
    }

    @Test
    void readsValuesOnTheLineAfterTheirLabel() {
        ExtractedEmail email = only("""
                보낸 사람
                다나 휘트록 <dana@corvid.example>
                받는 사람
                서민호 <minho@corvid.example>
                날짜
                2019년 3월 11일 (월) 오전 8:05
                제목
                예산 보고

                민호 씨, 숫자가 나왔습니다.
                """);
        assertThat(email.from().name()).isEqualTo("다나 휘트록");
        assertThat(email.to()).extracting(Participant::name).containsExactly("서민호");
        assertThat(email.date().local()).isEqualTo(LocalDateTime.parse("2019-03-11T08:05"));
        assertThat(email.subject()).isEqualTo("예산 보고");
        assertThat(email.body()).isEqualTo("민호 씨, 숫자가 나왔습니다.");
        assertThat(email.headerLanguage()).isEqualTo("ko");
    }

    @Test
    void readsAnEmptyLabelWithColonFollowedByItsValue() {
        ExtractedEmail email = only("""
                From:
                Dana Whitlock <dana@corvid.example>
                To:
                Minho Seo <minho@corvid.example>
                Date:
                Mon, Mar 11, 2019 at 8:05 AM

                Body.
                """);
        assertThat(email.from().address()).isEqualTo("dana@corvid.example");
        assertThat(email.to()).extracting(Participant::address).containsExactly("minho@corvid.example");
        assertThat(email.date().local()).isEqualTo(LocalDateTime.parse("2019-03-11T08:05"));
    }

    @Test
    void anEmptyCcDoesNotSwallowTheGreeting() {
        ExtractedEmail email = only("""
                From: Dana Whitlock <dana@corvid.example>
                To: Minho Seo <minho@corvid.example>
                Cc:

                Hello Minho, the numbers are in and they look better than we feared.
                """);
        assertThat(email.cc()).isEmpty();
        assertThat(email.body()).startsWith("Hello Minho");
    }

    @Test
    void acceptsHeadersInAnyOrder() {
        ExtractedEmail email = only("""
                Subject: Lab budget
                Date: Tue, Mar 12, 2019 at 4:05 PM PST
                To: Minho Seo <minho@corvid.example>
                From: Dana Whitlock <dana@corvid.example>
                Body.
                """);
        assertThat(email.subject()).isEqualTo("Lab budget");
        assertThat(email.from().name()).isEqualTo("Dana Whitlock");
        assertThat(email.date().instant()).isEqualTo(OffsetDateTime.parse("2019-03-12T16:05-07:00"));
        assertThat(email.date().zone()).isEqualTo("America/Los_Angeles");
    }

    @Test
    void acceptsFullWidthColons() {
        ExtractedEmail email = only("""
                差出人：ダナ・ウィットロック <dana@corvid.example>
                宛先：ソ・ミンホ <minho@corvid.example>
                日時：2019年3月11日(月) 8:05
                件名：予算

                ミンホさん、数字が出ました。
                """);
        assertThat(email.from().name()).isEqualTo("ダナ・ウィットロック");
        assertThat(email.to()).extracting(Participant::name).containsExactly("ソ・ミンホ");
        assertThat(email.subject()).isEqualTo("予算");
        assertThat(email.headerLanguage()).isEqualTo("ja");
    }

    @Test
    void toleratesEmphasisBulletsQuoteMarkersAndIndentation() {
        List<ExtractedEmail> emails = extract("""
                **From:** Dana Whitlock <dana@corvid.example>
                **To**: Minho Seo <minho@corvid.example>
                **Date:** Mon, Mar 11, 2019 at 8:05 AM

                Body one.

                ## Next section

                    From: Minho Seo <minho@corvid.example>
                    Date: Mon, Mar 11, 2019 at 9:00 AM
                    To: Dana Whitlock <dana@corvid.example>
                    Body two.

                ## Another section

                - From: Aiko Tanaka <aiko@corvid.example>
                - To: Dana Whitlock <dana@corvid.example>

                > From: Dana Whitlock <dana@corvid.example>
                > To: Aiko Tanaka <aiko@corvid.example>
                > Date: 2019/03/11 10:00
                >
                > Body four.

                Commentary after the quotation.
                """);
        assertThat(emails).extracting(e -> e.from().name())
                .containsExactly("Dana Whitlock", "Minho Seo", "Aiko Tanaka", "Dana Whitlock");
        assertThat(emails.get(0).body()).isEqualTo("Body one.");
        assertThat(emails.get(1).body()).isEqualTo("Body two.");
        assertThat(emails.get(3).body()).isEqualTo("Body four.");
        assertThat(emails.get(3).date().local()).isEqualTo(LocalDateTime.parse("2019-03-11T10:00"));
    }

    @Test
    void readsGmailsPrintLayoutWhereTheSenderLineHasNoLabel() {
        List<ExtractedEmail> emails = extract("""
                Lab budget
                2 messages

                Dana Whitlock <dana@corvid.example>	Mon, Mar 11, 2019 at 8:05 AM
                To: Minho Seo <minho@corvid.example>
                Cc: Aiko Tanaka <aiko@corvid.example>

                Minho, the numbers are in.

                Minho Seo <minho@corvid.example>	Mon, Mar 11, 2019 at 9:10 AM
                To: Dana Whitlock <dana@corvid.example>

                Thanks!
                """);
        assertThat(emails).hasSize(2);
        assertThat(emails).extracting(e -> e.from().name()).containsExactly("Dana Whitlock", "Minho Seo");
        assertThat(emails).extracting(e -> e.date().local()).containsExactly(
                LocalDateTime.parse("2019-03-11T08:05"), LocalDateTime.parse("2019-03-11T09:10"));
        assertThat(emails.get(0).body()).isEqualTo("Minho, the numbers are in.");
        assertThat(emails).extracting(ExtractedEmail::subject).containsOnlyNulls();
    }

    @Test
    void ignoresMarkdownHardBreakBackslashes() {
        ExtractedEmail email = only("From: Dana Whitlock <dana@corvid.example>\\\n"
                + "To: Minho Seo <minho@corvid.example>\\\n"
                + "Date: 2019/03/11 8:05\\\n\nBody.\n");
        assertThat(email.from().address()).isEqualTo("dana@corvid.example");
        assertThat(email.date().local()).isEqualTo(LocalDateTime.parse("2019-03-11T08:05"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Date: 2019/03/11 8:05\nThe meeting moved.",
            "To: whom it may concern\nI write about the lab.",
            "---\ntitle: \"Lab notes\"\ndate: 2019-03-11 08:05:00\n---\nBody.",
            "From the desk of Dana Whitlock\nTo the lab members\nDate night is Friday.",
            "Subject: budget\nSubject: again\nNothing else.",
            "著者:ダナ 出典:Corvid\n本文です。",
            "From: Dana Whitlock\nQuite a long way, she said.",
            "To be honest: the budget is fine.\nFrom what I saw: all good.",
            "Trip report\n\nFrom: Seoul\nTo: Tokyo\nDate: March 11, 2019\n\nWe flew out early."})
    void leavesTextWithoutAHeaderBlockAlone(String text) {
        assertThat(extract(text)).isEmpty();
    }

    // --- several messages, titles, counters -------------------------------------------------------------------

    @Test
    void findsSeveralMessagesInOneFencedBlockAndIgnoresTitleAndCounterLines() {
        String text = "Our thread, reproduced:\n\n" + FENCE + "\n"
                + "Quarterly numbers\n"
                + "3 emails\n"
                + "From: Dana Whitlock <dana@corvid.example>\n"
                + "Date: Mon, Mar 11, 2019 at 8:05 AM\n"
                + "To: Minho Seo <minho@corvid.example>\n"
                + "First body.\n"
                + "\n"
                + "From: Minho Seo <minho@corvid.example>\n"
                + "Date: Mon, Mar 11, 2019 at 9:10 AM\n"
                + "To: Dana Whitlock <dana@corvid.example>\n"
                + "Second body.\n"
                + "\n"
                + "Dana Whitlock <dana@corvid.example>\n"
                + "Mon, Mar 11, 2019 at 9:30 AM\n"
                + FENCE + "\n"
                + "\nAfter the block: prose that belongs to no message.\n";
        List<ExtractedEmail> emails = extract(text);
        assertThat(emails).hasSize(2);
        assertThat(emails).extracting(ExtractedEmail::localId).containsExactly("e1", "e2");
        assertThat(emails).extracting(ExtractedEmail::subject).containsOnlyNulls();
        assertThat(emails).extracting(ExtractedEmail::relation).containsOnly(ExtractedEmail.Relation.TOP);
        assertThat(emails).extracting(ExtractedEmail::quotes).containsOnlyNulls();
        assertThat(emails.get(0).body()).isEqualTo("First body.");
        assertThat(emails.get(1).body()).startsWith("Second body.").doesNotContain("After the block");
        IndexedText indexed = new IndexedText(text);
        assertThat(indexed.slice(emails.get(0).span())).startsWith("From: Dana").endsWith("First body.");
        assertThat(indexed.slice(emails.get(1).span())).doesNotContain(FENCE);
    }

    @Test
    void aKoreanCounterAboveHeadersIsNotASubject() {
        List<ExtractedEmail> emails = extract(FENCE + "\n"
                + "예산 논의\n"
                + "3개의 이메일\n"
                + "보낸 사람: 다나 휘트록 <삭제됨>\n"
                + "날짜: 2017년 9월 20일 수요일 오후 2:08\n"
                + "받는 사람: 서민호 <삭제됨>, <삭제됨>\n"
                + "첫 번째 본문.\n\n"
                + "보낸 사람: 서민호 <삭제됨>\n"
                + "날짜: 수요일, 9월 20, 2017 오후 2:17\n"
                + "받는 사람: 다나 휘트록 <삭제됨>\n"
                + "참조: <삭제됨> <삭제됨>, 코르비드 연구소 <삭제됨>\n"
                + "두 번째 본문.\n"
                + FENCE + "\n");
        assertThat(emails).hasSize(2);
        assertThat(emails).extracting(ExtractedEmail::subject).containsOnlyNulls();
        assertThat(emails.get(0).date().local()).isEqualTo(LocalDateTime.parse("2017-09-20T14:08"));
        assertThat(emails.get(1).date().local()).isEqualTo(LocalDateTime.parse("2017-09-20T14:17"));
        assertThat(emails.get(0).to()).hasSize(2).allMatch(Participant::redacted);
        assertThat(emails.get(1).cc()).extracting(Participant::name).containsExactly(null, null, "코르비드 연구소");
    }

    // --- forwarded and quoted messages --------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "Begin forwarded message:",
            "---------- Forwarded message ---------",
            "-------- Original Message --------",
            "전달된 메시지",
            "---------- 전달된 메시지 ----------",
            "––––– 전달된 메시지 –––––",
            "転送メッセージを開始します",
            "-------- 転送されたメッセージ --------",
            "转发的邮件",
            "-------- Weitergeleitete Nachricht --------",
            "-------- Message transféré --------",
            "---------- Mensaje reenviado ----------"})
    void linksAForwardedMessageToTheOneThatForwardsIt(String marker) {
        String text = """
                From: Minho Seo <minho@corvid.example>
                Date: Wed, Mar 13, 2019 at 10:00 AM
                To: Aiko Tanaka <aiko@corvid.example>
                Subject: Fwd: Lab budget

                FYI, see below.

                %s
                From: Dana Whitlock <dana@corvid.example>
                Date: Mon, Mar 11, 2019 at 8:05 AM
                Subject: Lab budget
                To: Minho Seo <minho@corvid.example>

                Minho, the numbers are in.
                """.formatted(marker);
        List<ExtractedEmail> emails = extract(text);
        assertThat(emails).hasSize(2);
        ExtractedEmail forwarding = emails.get(0);
        ExtractedEmail forwarded = emails.get(1);
        assertThat(forwarding.relation()).isEqualTo(ExtractedEmail.Relation.TOP);
        assertThat(forwarding.quotes()).isEqualTo("e2");
        assertThat(forwarding.body()).isEqualTo("FYI, see below.");
        ExtractedEmail.Relation expected = marker.contains("Original")
                ? ExtractedEmail.Relation.QUOTED_REPLY : ExtractedEmail.Relation.FORWARDED;
        assertThat(forwarded.relation()).isEqualTo(expected);
        assertThat(forwarded.subject()).isEqualTo("Lab budget");
        assertThat(forwarded.from().name()).isEqualTo("Dana Whitlock");
        assertThat(forwarded.body()).isEqualTo("Minho, the numbers are in.");
        assertThat(new IndexedText(text).slice(forwarded.span())).startsWith(marker);
    }

    @Test
    void aForwardMarkerFirstInABlockGivesAForwardedMessageThatNothingQuotes() {
        List<ExtractedEmail> emails = extract(FENCE + "\nRe: 예산\n---------- 전달된 메시지 ----------\n"
                + "보낸 사람: 다나 휘트록 <삭제됨>\n날짜: 2015년 11월 20일 금요일 오후 12:29\n받는 사람: 서민호 <삭제됨>\n"
                + "본문.\n\n"
                + "2015년 11월 20일 오전 11시 48분, 서민호 <redacted>이 다음과 같이 썼습니다.\n\n"
                + "다나 씨–\n\n인용된 본문.\n\n민호\n" + FENCE);
        assertThat(emails).hasSize(2);
        assertThat(emails.get(0).relation()).isEqualTo(ExtractedEmail.Relation.FORWARDED);
        assertThat(emails.get(0).quotes()).isEqualTo("e2");
        assertThat(emails.get(0).body()).isEqualTo("본문.");
        ExtractedEmail quoted = emails.get(1);
        assertThat(quoted.relation()).isEqualTo(ExtractedEmail.Relation.QUOTED_REPLY);
        assertThat(quoted.from().name()).isEqualTo("서민호");
        assertThat(quoted.from().redacted()).isTrue();
        assertThat(quoted.date().local()).isEqualTo(LocalDateTime.parse("2015-11-20T11:48"));
        assertThat(quoted.body()).isEqualTo("다나 씨–\n\n인용된 본문.\n\n민호");
        assertThat(quoted.headerLanguage()).isEqualTo("ko");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            'On Mon, Mar 11, 2019 at 8:05 AM, Dana Whitlock <dana@corvid.example> wrote:'  | Dana Whitlock     | en
            '2019년 3월 11일 (월) 오전 8:05, 다나 휘트록 <dana@corvid.example>님이 작성:'         | 다나 휘트록          | ko
            '2019년 3월 11일 오전 8:05, 다나 휘트록 <dana@corvid.example>이 다음과 같이 썼습니다:'   | 다나 휘트록          | ko
            '2019年3月11日(月) 8:05 ダナ・ウィットロック <dana@corvid.example>:'                | ダナ・ウィットロック    | ja
            '2019年3月11日 8:05、ダナ・ウィットロック <dana@corvid.example> は書きました:'         | ダナ・ウィットロック    | ja
            '2019年3月11日 上午8:05，丹娜 <dana@corvid.example> 写道：'                        | 丹娜               | zh
            'Am 11.03.2019 um 08:05 schrieb Dana Whitlock <dana@corvid.example>:'         | Dana Whitlock     | de
            'Le lun. 11 mars 2019 à 08:05, Dana Whitlock <dana@corvid.example> a écrit :'  | Dana Whitlock     | fr
            """)
    void turnsAQuotedReplyIntoAMessageOfItsOwn(String attribution, String name, String language) {
        String text = """
                From: Minho Seo <minho@corvid.example>
                To: Dana Whitlock <dana@corvid.example>
                Date: Tue, Mar 12, 2019 at 4:05 PM PST

                Sounds good.
                On the whole, the budget holds.

                %s
                > Minho, the numbers are in.
                >
                > > An older quote stays quoted.

                Text after the quotation belongs to neither message.
                """.formatted(attribution);
        List<ExtractedEmail> emails = extract(text);
        assertThat(emails).hasSize(2);
        ExtractedEmail reply = emails.get(0);
        ExtractedEmail quoted = emails.get(1);
        assertThat(reply.quotes()).isEqualTo("e2");
        assertThat(reply.body()).isEqualTo("Sounds good.\nOn the whole, the budget holds.");
        assertThat(quoted.relation()).isEqualTo(ExtractedEmail.Relation.QUOTED_REPLY);
        assertThat(quoted.from().name()).isEqualTo(name);
        assertThat(quoted.from().address()).isEqualTo("dana@corvid.example");
        assertThat(quoted.date().local()).isEqualTo(LocalDateTime.parse("2019-03-11T08:05"));
        assertThat(quoted.body()).isEqualTo("Minho, the numbers are in.\n\n> An older quote stays quoted.");
        assertThat(quoted.headerLanguage()).isEqualTo(language);
        assertThat(quoted.to()).isEmpty();
        IndexedText indexed = new IndexedText(text);
        assertThat(indexed.slice(quoted.span())).startsWith(attribution).endsWith("stays quoted.");
        assertThat(indexed.slice(quoted.bodySpan())).startsWith("> Minho");
    }

    @Test
    void readsAnAttributionWrappedOverTwoLines() {
        List<ExtractedEmail> emails = extract("""
                Sounds good.

                On Mon, Mar 11, 2019 at 8:05 AM Dana Whitlock <
                dana@corvid.example> wrote:
                > Minho, the numbers are in.
                """);
        assertThat(emails).hasSize(1);
        assertThat(emails.get(0).from().address()).isEqualTo("dana@corvid.example");
        assertThat(emails.get(0).body()).isEqualTo("Minho, the numbers are in.");
    }

    @Test
    void nestsQuotedRepliesInsideQuotedReplies() {
        List<ExtractedEmail> emails = extract("""
                On Tue, Mar 12, 2019 at 9:00 AM Minho Seo <minho@corvid.example> wrote:
                > Agreed.
                >
                > On Mon, Mar 11, 2019 at 8:05 AM Dana Whitlock <dana@corvid.example> wrote:
                > > Minho, the numbers are in.
                """);
        assertThat(emails).hasSize(2);
        assertThat(emails.get(0).from().name()).isEqualTo("Minho Seo");
        assertThat(emails.get(0).body()).isEqualTo("Agreed.");
        assertThat(emails.get(0).quotes()).isEqualTo("e2");
        assertThat(emails.get(1).from().name()).isEqualTo("Dana Whitlock");
        assertThat(emails.get(1).body()).isEqualTo("Minho, the numbers are in.");
    }

    @Test
    void aDeeperQuotedHeaderBlockIsTheMessageRepliedTo() {
        List<ExtractedEmail> emails = extract("""
                From: Minho Seo <minho@corvid.example>
                To: Dana Whitlock <dana@corvid.example>
                Date: 2019/03/12 9:00

                Agreed.

                > From: Dana Whitlock <dana@corvid.example>
                > To: Minho Seo <minho@corvid.example>
                > Date: 2019/03/11 8:05
                >
                > Minho, the numbers are in.
                """);
        assertThat(emails).hasSize(2);
        assertThat(emails.get(0).quotes()).isEqualTo("e2");
        assertThat(emails.get(1).relation()).isEqualTo(ExtractedEmail.Relation.QUOTED_REPLY);
        assertThat(emails.get(1).body()).isEqualTo("Minho, the numbers are in.");
    }

    @Test
    void outsideFencesAHeadingOrRuleEndsTheMessageButAQuotedRuleDoesNot() {
        List<ExtractedEmail> emails = extract("""
                From: Dana Whitlock <dana@corvid.example>
                To: Minho Seo <minho@corvid.example>

                Body one.

                ---

                The article goes on.

                > From: Minho Seo <minho@corvid.example>
                > To: Dana Whitlock <dana@corvid.example>
                >
                > Part one.
                > ---
                > Part two.
                """);
        assertThat(emails).extracting(ExtractedEmail::body)
                .containsExactly("Body one.", "Part one.\n---\nPart two.");
        assertThat(emails).extracting(ExtractedEmail::relation).containsOnly(ExtractedEmail.Relation.TOP);
    }

    @Test
    void bodyLinesThatOnlyLookLikeAttributionsStayInTheBody() {
        ExtractedEmail email = only("""
                From: Dana Whitlock <dana@corvid.example>
                To: Minho Seo <minho@corvid.example>
                Date: 2019/03/11 8:05

                On the other hand, Aiko wrote the report.
                On the 11th we met and she wrote:
                그는 이렇게 썼습니다.
                Thanks.
                """);
        assertThat(email.body()).contains("On the other hand", "On the 11th", "썼습니다", "Thanks.");
        assertThat(email.quotes()).isNull();
    }

    // --- redactions ----------------------------------------------------------------------------------------------

    @Test
    void aRedactedAddressIsARedactedParticipantWithItsName() {
        ExtractedEmail email = only("""
                From: Dana Whitlock <redacted>
                To: Minho Seo <삭제됨>, <削除済み>, Aiko ████, Jun Park [REDACTED], Corvid Labs <>
                Cc: 코르비드 <삭제됨 >, dana@█████.example, Lab <█████@█████.com>
                Date: 2019/03/11 8:05
                Body with a █████ run.
                """);
        assertThat(email.from()).isEqualTo(new Participant("Dana Whitlock", null, true, "Dana Whitlock <redacted>"));
        assertThat(email.to()).extracting(Participant::name)
                .containsExactly("Minho Seo", null, "Aiko", "Jun Park", "Corvid Labs");
        assertThat(email.to()).allMatch(Participant::redacted);
        assertThat(email.cc()).extracting(Participant::name).containsExactly("코르비드", null, "Lab");
        assertThat(email.cc()).allMatch(p -> p.redacted() && p.address() == null);
        assertThat(email.redactions()).hasSizeGreaterThanOrEqualTo(10);
        assertThat(email.redactions()).extracting(Redaction::kind).contains(Redaction.Kind.BLOCK,
                Redaction.Kind.PLACEHOLDER, Redaction.Kind.EMPTY_BRACKETS);
        assertThat(email.redactions()).allMatch(r -> email.span().contains(r.span()));
    }

    @Test
    void anEmptyAddressSplitOverTwoLinesIsRedactedNotAQuote() {
        ExtractedEmail email = only("""
                From: Dana Whitlock <
                >
                To: Minho Seo <
                >
                Date: 2019/03/11 8:05

                Body.
                """);
        assertThat(email.from().name()).isEqualTo("Dana Whitlock");
        assertThat(email.from().redacted()).isTrue();
        assertThat(email.to()).extracting(Participant::name).containsExactly("Minho Seo");
        assertThat(email.to().get(0).redacted()).isTrue();
        assertThat(email.date().local()).isEqualTo(LocalDateTime.parse("2019-03-11T08:05"));
        assertThat(email.body()).isEqualTo("Body.");
        assertThat(email.redactions()).extracting(Redaction::kind)
                .containsExactly(Redaction.Kind.EMPTY_BRACKETS, Redaction.Kind.EMPTY_BRACKETS);
    }

    @Test
    void redactionsOutsideTheMessageAreNotItsOwn() {
        List<ExtractedEmail> emails = extract("Intro with <redacted> name.\n\n" + FENCE
                + "\nFrom: Dana <삭제됨>\nTo: Minho <삭제됨>\nBody.\n" + FENCE + "\nOutro █████.\n");
        assertThat(emails).hasSize(1);
        assertThat(emails.get(0).redactions()).hasSize(2);
    }

    // --- offsets -------------------------------------------------------------------------------------------------

    @Test
    void spansAreCodePointsEvenAfterEmoji() {
        String text = "\uD83D\uDCDC Archive \uD83D\uDDC2\uFE0F notes\n\n" + FENCE + "\n"
                + "From: Dana Whitlock <dana@corvid.example>\n"
                + "To: Minho Seo <minho@corvid.example>\n"
                + "\n"
                + "Numbers \uD83D\uDCC8 are in.\n"
                + FENCE + "\n";
        ExtractedEmail email = only(text);
        int fromAt = text.codePointCount(0, text.indexOf("From:"));
        int bodyAt = text.codePointCount(0, text.indexOf("Numbers"));
        int bodyEnd = text.codePointCount(0, text.indexOf(" are in.") + " are in.".length());
        assertThat(email.span().start()).isEqualTo(fromAt);
        assertThat(email.bodySpan().start()).isEqualTo(bodyAt);
        assertThat(email.bodySpan().end()).isEqualTo(bodyEnd);
        assertThat(email.span().end()).isEqualTo(bodyEnd);
        assertThat(new IndexedText(text).slice(email.bodySpan())).isEqualTo(email.body());
    }

    @Test
    void aMessageWithoutBodyHasAnEmptyBodySpanAtTheEndOfItsHeaders() {
        String text = "From: Dana <dana@corvid.example>\nTo: Minho <minho@corvid.example>\n";
        ExtractedEmail email = only(text);
        assertThat(email.body()).isEmpty();
        assertThat(email.bodySpan().isEmpty()).isTrue();
        assertThat(email.bodySpan().start()).isEqualTo(text.indexOf("\n", text.indexOf("To:")));
        assertThat(email.span().end()).isEqualTo(email.bodySpan().start());
    }

    // --- robustness ----------------------------------------------------------------------------------------------

    @Test
    void neverThrowsOnOddInput() {
        String[] pieces = {"From:", "To:", "보낸 사람:", "날짜:", "差出人：", "宛先", " <", ">", "\n", "\n\n", "```",
                "> ", "On ", " wrote:", "님이 작성:", "2019年3月11日", " 8:05 ", "PST", "█", "<삭제됨>", "**", "—",
                "\uD83D\uDCDC", "Begin forwarded message:", "@", ",", "；", "：", "12:99", "\t", "\uD800"};
        Random random = new Random(20190311);
        AtomicInteger checked = new AtomicInteger();
        for (int run = 0; run < 3000; run++) {
            StringBuilder text = new StringBuilder();
            int n = random.nextInt(40);
            for (int i = 0; i < n; i++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            String input = text.toString();
            assertThatCode(() -> {
                for (ExtractedEmail e : extract(input)) {
                    assertThat(e.bodySpan().end()).isLessThanOrEqualTo(e.span().end());
                    assertThat(e.span().start()).isLessThanOrEqualTo(e.bodySpan().start());
                    checked.incrementAndGet();
                }
            }).as(input).doesNotThrowAnyException();
        }
        // Some of the soup must have held a message, or the span checks above checked nothing.
        assertThat(checked).hasPositiveValue();
        assertThat(extract("")).isEmpty();
    }
}
