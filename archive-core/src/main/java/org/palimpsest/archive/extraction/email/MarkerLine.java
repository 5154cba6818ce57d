package org.palimpsest.archive.extraction.email;

import java.util.Optional;
import java.util.regex.Pattern;
import org.palimpsest.archive.extraction.AnalysisBudget;

/**
 * Lines that mail clients put above a message they embed: "Begin forwarded message:", "---------- Forwarded
 * message ---------", "-----Original Message-----" and their translations. The phrase must be the whole line
 * (bar dashes, underscores, asterisks and a colon), so prose that mentions a forwarded message is not one.
 */
final class MarkerLine {

    enum Kind {
        /** A forwarded message follows. */
        FORWARD,
        /** The message being replied to follows, with its own headers (Outlook style). */
        ORIGINAL
    }

    private static final String DECORATION = "[\\s\\-‐‑–—―─━=_*~·•]*";

    private static final Pattern FORWARD = phrase(
            "Begin forwarded message", "Forwarded message", "Forwarded e-?mail", "Forwarded",
            "전달된 메시지", "전달된 메일", "전달 메시지", "전달한 메시지",
            "転送メッセージを開始します", "転送されたメッセージ", "転送メッセージ", "転送済みメッセージ",
            "转发的邮件", "转发邮件", "转发的消息", "轉寄的郵件", "轉寄郵件", "轉發的郵件",
            "Anfang der weitergeleiteten Nachricht", "Weitergeleitete Nachricht", "Weitergeleitete E-Mail",
            "Début du message réexpédié", "Début du message transféré", "Message transféré",
            "Inicio del mensaje reenviado", "Mensaje reenviado");

    private static final Pattern ORIGINAL = phrase(
            "Original Message", "원본 메시지", "원본 메일", "元のメッセージ", "原始邮件", "原始郵件",
            "Ursprüngliche Nachricht", "Message d'origine", "Mensaje original");

    /** Outlook draws a rule of underscores above the headers of the message replied to. */
    private static final Pattern RULE = Pattern.compile("^_{10,}$");

    private MarkerLine() {
    }

    private static Pattern phrase(String... phrases) {
        return Pattern.compile("^" + DECORATION + "(?:" + String.join("|", phrases) + ")" + DECORATION
                + "[:：]?" + DECORATION + "$", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    static Optional<Kind> match(String content) {
        if (FORWARD.matcher(AnalysisBudget.watch(content)).matches()) {
            return Optional.of(Kind.FORWARD);
        }
        if (ORIGINAL.matcher(AnalysisBudget.watch(content)).matches() || RULE.matcher(AnalysisBudget.watch(content)).matches()) {
            return Optional.of(Kind.ORIGINAL);
        }
        return Optional.empty();
    }
}
