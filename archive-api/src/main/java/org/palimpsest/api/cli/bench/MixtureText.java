package org.palimpsest.api.cli.bench;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Documents for the bench, written here from small word lists (never taken from any corpus): Korean, Japanese and
 * English prose with headings, dated sentences and quoted e-mails with their headers, of a chosen size in UTF-8.
 * Each part heading carries a label {@code [Pn]} that occurs once, for annotations to quote, and each document one
 * misspelt phrase, {@value #TYPO}, for fixes to correct.
 */
final class MixtureText {

    static final String TYPO = "teh ledger";
    static final String CORRECTED = "the ledger";

    enum Language {
        EN("en"), KO("ko"), JA("ja");

        final String tag;

        Language(String tag) {
            this.tag = tag;
        }
    }

    private static final List<String> EN_NAMES = List.of("Dana Whitlock", "Owen Marsh", "Priya Raman", "Tomas Lind",
            "Hale Osei", "Mirela Costa", "Ivo Brandt", "June Achterberg");
    private static final List<String> EN_VERBS = List.of("reviewed", "questioned", "signed", "postponed", "circulated",
            "rejected", "summarised", "annotated", "forwarded", "disputed");
    private static final List<String> EN_NOUNS = List.of("the harbour contract", "the audit memo", "the draft budget",
            "the translation notes", "the board minutes", "the supplier list", "the press statement",
            "the inspection report", "the shipping schedule", "the grant proposal");
    private static final List<String> EN_TAILS = List.of("before the deadline", "without comment",
            "after a long meeting", "with two reservations", "at the request of the council", "in a short reply",
            "despite the objections", "once the figures were checked");
    private static final List<String> KO_NAMES = List.of("김서연", "박지훈", "이하은", "최민준", "정유나", "한도윤");
    private static final List<String> KO_NOUNS = List.of("항만 계약서", "감사 메모", "예산 초안", "번역 노트",
            "이사회 회의록", "공급업체 목록", "보도자료", "점검 보고서");
    private static final List<String> KO_VERBS = List.of("검토했다", "보류했다", "서명했다", "반박했다", "전달했다",
            "요약했다", "수정했다", "공개했다");
    private static final List<String> KO_TAILS = List.of("마감 전에", "별다른 설명 없이", "긴 회의 끝에",
            "두 가지 조건을 달아", "위원회의 요청에 따라", "짧은 답장으로");
    private static final List<String> JA_NAMES = List.of("佐藤美咲", "高橋健太", "田中結衣", "伊藤大輔", "山本葵", "中村蓮");
    private static final List<String> JA_NOUNS = List.of("港湾契約書", "監査メモ", "予算案", "翻訳ノート", "取締役会議事録",
            "取引先一覧", "報道発表", "検査報告書");
    private static final List<String> JA_VERBS = List.of("確認した", "保留した", "署名した", "反論した", "転送した",
            "要約した", "修正した", "公表した");
    private static final List<String> JA_TAILS = List.of("締め切り前に", "特に説明もなく", "長い会議の後で",
            "二つの条件を付けて", "委員会の求めに応じて", "短い返信で");
    private static final List<String> MONTHS = List.of("January", "February", "March", "April", "May", "June", "July",
            "August", "September", "October", "November", "December");

    private MixtureText() {
    }

    /**
     * A whole document of about {@code bytes} bytes of UTF-8 (never fewer): a title, then parts with a labelled
     * heading, paragraphs, a dated sentence and every other part a quoted e-mail, some in a second language.
     */
    static String document(Random random, Language language, int bytes, String label) {
        StringBuilder text = new StringBuilder();
        text.append("# ").append(title(random, language)).append(" (").append(label).append(")\n\n");
        text.append(sentence(random, language)).append(' ').append("The clerk copied ").append(TYPO)
                .append(" into the file.\n\n");
        int size = utf8(text);
        for (int part = 1; size < bytes; part++) {
            StringBuilder block = new StringBuilder();
            block.append("## ").append(heading(language)).append(" [P").append(part).append("]\n\n");
            block.append(paragraph(random, language, 600)).append("\n\n");
            block.append(dated(random, language)).append(' ').append(sentence(random, language)).append("\n\n");
            if (part % 2 == 0) {
                Language quoted = random.nextInt(3) == 0 ? Language.values()[random.nextInt(3)] : language;
                block.append(email(random, quoted)).append('\n');
            }
            block.append(paragraph(random, language, 400)).append("\n\n");
            size += utf8(block);
            text.append(block);
        }
        return text.toString();
    }

    /** Sentences of one language until the paragraph holds at least {@code bytes} bytes of UTF-8. */
    static String paragraph(Random random, Language language, int bytes) {
        StringBuilder paragraph = new StringBuilder();
        while (utf8(paragraph) < bytes) {
            if (!paragraph.isEmpty()) {
                paragraph.append(language == Language.EN ? " " : "");
            }
            paragraph.append(random.nextInt(4) == 0 ? dated(random, language) : sentence(random, language));
        }
        return paragraph.toString();
    }

    static String sentence(Random random, Language language) {
        return switch (language) {
            case EN -> pick(random, EN_NAMES) + " " + pick(random, EN_VERBS) + " " + pick(random, EN_NOUNS) + " "
                    + pick(random, EN_TAILS) + ".";
            case KO -> pick(random, KO_NAMES) + "은 " + pick(random, KO_TAILS) + " " + pick(random, KO_NOUNS) + "을 "
                    + pick(random, KO_VERBS) + ".";
            case JA -> pick(random, JA_NAMES) + "は" + pick(random, JA_TAILS) + pick(random, JA_NOUNS) + "を"
                    + pick(random, JA_VERBS) + "。";
        };
    }

    static String dated(Random random, Language language) {
        int year = 1998 + random.nextInt(27);
        int month = 1 + random.nextInt(12);
        int day = 1 + random.nextInt(28);
        return switch (language) {
            case EN -> "On " + day + " " + MONTHS.get(month - 1) + " " + year + ", " + pick(random, EN_NAMES) + " "
                    + pick(random, EN_VERBS) + " " + pick(random, EN_NOUNS) + ".";
            case KO -> year + "년 " + month + "월 " + day + "일, " + pick(random, KO_NAMES) + "은 "
                    + pick(random, KO_NOUNS) + "을 " + pick(random, KO_VERBS) + ".";
            case JA -> year + "年" + month + "月" + day + "日、" + pick(random, JA_NAMES) + "は"
                    + pick(random, JA_NOUNS) + "を" + pick(random, JA_VERBS) + "。";
        };
    }

    /** A quoted message with the header labels of its language, every line behind "> ". */
    static String email(Random random, Language language) {
        int year = 2005 + random.nextInt(20);
        int month = 1 + random.nextInt(12);
        int day = 1 + random.nextInt(28);
        String headers = switch (language) {
            case EN -> "From: " + pick(random, EN_NAMES) + " <office@example.org>\nSent: " + day + " "
                    + MONTHS.get(month - 1) + " " + year + " 09:" + (10 + random.nextInt(50)) + "\nTo: "
                    + pick(random, EN_NAMES) + "\nSubject: " + pick(random, EN_NOUNS);
            case KO -> "보낸 사람: " + pick(random, KO_NAMES) + " <office@example.org>\n보낸 날짜: " + year + "년 "
                    + month + "월 " + day + "일\n받는 사람: " + pick(random, KO_NAMES) + "\n제목: " + pick(random, KO_NOUNS);
            case JA -> "差出人: " + pick(random, JA_NAMES) + " <office@example.org>\n送信日時: " + year + "年" + month
                    + "月" + day + "日\n宛先: " + pick(random, JA_NAMES) + "\n件名: " + pick(random, JA_NOUNS);
        };
        String message = headers + "\n\n" + paragraph(random, language, 300);
        StringBuilder quoted = new StringBuilder();
        for (String line : message.split("\n", -1)) {
            quoted.append(line.isEmpty() ? ">" : "> " + line).append('\n');
        }
        return quoted.toString();
    }

    private static String title(Random random, Language language) {
        return switch (language) {
            case EN -> "Notes on " + pick(random, EN_NOUNS);
            case KO -> pick(random, KO_NOUNS) + "에 관한 기록";
            case JA -> pick(random, JA_NOUNS) + "についての記録";
        };
    }

    private static String heading(Language language) {
        return switch (language) {
            case EN -> "Part";
            case KO -> "부분";
            case JA -> "部分";
        };
    }

    private static String pick(Random random, List<String> words) {
        return words.get(random.nextInt(words.size()));
    }

    private static int utf8(CharSequence text) {
        return text.toString().getBytes(StandardCharsets.UTF_8).length;
    }
}
