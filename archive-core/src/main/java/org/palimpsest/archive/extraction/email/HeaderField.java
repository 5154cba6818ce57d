package org.palimpsest.archive.extraction.email;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The header fields the extractor reads, with every label it knows for each, by language. This enum is the one
 * vocabulary table: adding a language is adding its labels here.
 *
 * <p>Labels are compared case-insensitively. A label that is also an everyday word at the start of a line (two
 * Latin letters such as "To", "An", "De", or hiragana such as "から") counts only when a colon follows it; longer
 * labels may also stand alone on their line with the value on the next one.
 */
enum HeaderField {

    FROM(Map.of(
            "en", "From",
            "ko", "보낸 사람|보낸사람|보낸이",
            "ja", "差出人|送信者|送信元|から",
            "zh", "发件人|發件人|寄件者|寄件人",
            "de", "Von",
            "fr", "De|Expéditeur",
            "es", "De|Remitente")),
    TO(Map.of(
            "en", "To",
            "ko", "받는 사람|받는사람|받는이",
            "ja", "宛先|宛て先|受信者|に",
            "zh", "收件人",
            "de", "An",
            "fr", "À|Destinataire",
            "es", "Para|Destinatario")),
    CC(Map.of(
            "en", "Cc",
            "ko", "참조",
            "ja", "CC",
            "zh", "抄送",
            "de", "Cc|Kopie",
            "fr", "Cc|Copie à",
            "es", "CC")),
    BCC(Map.of(
            "en", "Bcc",
            "ko", "숨은 참조|숨은참조",
            "ja", "BCC",
            "zh", "密送|密件副本",
            "de", "Bcc|Blindkopie",
            "fr", "Cci",
            "es", "CCO")),
    DATE(Map.of(
            "en", "Date|Sent",
            "ko", "날짜|보낸 날짜|보낸날짜|보낸 시간",
            "ja", "日付|日時|送信日時|送信日",
            "zh", "日期|时间|時間|发送时间|發送時間|发送日期",
            "de", "Datum|Gesendet",
            "fr", "Date|Envoyé",
            "es", "Fecha|Enviado")),
    SUBJECT(Map.of(
            "en", "Subject",
            "ko", "제목",
            "ja", "件名",
            "zh", "主题|主題",
            "de", "Betreff",
            "fr", "Objet",
            "es", "Asunto")),
    REPLY_TO(Map.of(
            "en", "Reply-To",
            "ko", "회신 주소|회신주소",
            "ja", "返信先",
            "zh", "回复至|回覆至",
            "de", "Antwort an",
            "fr", "Répondre à",
            "es", "Responder a"));

    /** Tie-breaker when a block's labels fit several languages equally (e.g. only "Cc" and "Date"). */
    static final List<String> LANGUAGE_PREFERENCE = List.of("en", "ko", "ja", "zh", "de", "fr", "es");

    /** One label as written, in one language. */
    record Label(HeaderField field, String text, String language) {

        /** Short Latin words and hiragana particles begin ordinary lines too, so they need their colon. */
        boolean needsColon() {
            return text.codePointCount(0, text.length()) <= 2 && (isLatin(text) || isHiragana(text));
        }

        private static boolean isLatin(String s) {
            return s.codePoints().allMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN);
        }

        private static boolean isHiragana(String s) {
            return s.codePoints().allMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HIRAGANA);
        }
    }

    private final Map<String, List<String>> labelsByLanguage;

    HeaderField(Map<String, String> labels) {
        Map<String, List<String>> byLanguage = new LinkedHashMap<>();
        labels.forEach((language, alternatives) -> byLanguage.put(language, List.of(alternatives.split("\\|"))));
        this.labelsByLanguage = Collections.unmodifiableMap(byLanguage);
    }

    /** Every label of every field, longest first so that "보낸 날짜" wins over a shorter label it begins with. */
    static final List<Label> ALL_LABELS = allLabels();

    private static List<Label> allLabels() {
        List<Label> all = new ArrayList<>();
        for (HeaderField field : values()) {
            field.labelsByLanguage.forEach((language, texts) ->
                    texts.forEach(text -> all.add(new Label(field, text, language))));
        }
        all.sort(Comparator.comparingInt((Label l) -> -l.text().length())
                .thenComparing(l -> l.text().toLowerCase(Locale.ROOT)));
        return List.copyOf(all);
    }
}
