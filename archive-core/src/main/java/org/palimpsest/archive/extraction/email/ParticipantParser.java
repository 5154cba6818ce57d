package org.palimpsest.archive.extraction.email;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.palimpsest.archive.extraction.AnalysisBudget;
import org.palimpsest.archive.extraction.IndexedText;
import org.palimpsest.archive.extraction.redaction.Redaction;
import org.palimpsest.archive.extraction.redaction.RedactionFinder;

/**
 * Reads participant lists: {@code Name <address>}, bare addresses and bare names, separated by commas,
 * semicolons or the ideographic comma, with redacted addresses recognized through {@link RedactionFinder}.
 */
final class ParticipantParser {

    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>()\\[\\]@,;]+@[^\\s<>()\\[\\]@,;]+");
    /** Outlook's "Name [mailto:address]". */
    private static final Pattern MAILTO = Pattern.compile("\\[mailto:([^\\]]*)]", Pattern.CASE_INSENSITIVE);
    private static final String QUOTES = "\"'“”‘’「」『』";

    private ParticipantParser() {
    }

    static List<Participant> parseList(String value) {
        List<Participant> participants = new ArrayList<>();
        for (String entry : split(value)) {
            Participant p = parseOne(entry);
            if (p != null) {
                participants.add(p);
            }
        }
        return List.copyOf(participants);
    }

    /**
     * Splits at separators outside brackets and quotes, and also after each {@code <…>} that more text
     * follows: "{@code <삭제됨> <삭제됨>}" is two participants whose separator was lost.
     */
    static List<String> split(String value) {
        List<String> entries = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int angle = 0;
        int square = 0;
        int round = 0;
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean outside = angle == 0 && square == 0 && round == 0 && !quoted;
            if (outside && (c == ',' || c == ';' || c == '、' || c == '，' || c == '；')) {
                entries.add(current.toString());
                current.setLength(0);
                continue;
            }
            current.append(c);
            switch (c) {
                case '<' -> angle++;
                case '>' -> {
                    if (angle > 0 && --angle == 0 && square == 0 && round == 0 && !quoted
                            && startsNewEntry(value, i + 1)) {
                        entries.add(current.toString());
                        current.setLength(0);
                    }
                }
                case '[' -> square++;
                case ']' -> square = Math.max(0, square - 1);
                case '(' -> round++;
                case ')' -> round = Math.max(0, round - 1);
                case '"' -> quoted = !quoted;
                default -> { }
            }
        }
        entries.add(current.toString());
        return entries.stream().map(String::strip).filter(e -> !e.isEmpty()).toList();
    }

    /** After "Name <address>", a new entry begins when another bracketed address follows without a separator. */
    private static boolean startsNewEntry(String value, int from) {
        String rest = value.substring(from).stripLeading();
        return !rest.isEmpty() && ",;、，；(".indexOf(rest.charAt(0)) < 0 && rest.indexOf('<') >= 0;
    }

    static @Nullable Participant parseOne(String entry) {
        String raw = entry.strip();
        String text = stripEmphasis(raw);
        if (text.isEmpty()) {
            return null;
        }
        int open = text.lastIndexOf('<');
        int close = text.indexOf('>', Math.max(open, 0));
        if (open >= 0 && close > open) {
            String bracket = text.substring(open, close + 1);
            String inner = text.substring(open + 1, close).strip();
            String name = cleanName(text.substring(0, open));
            if (RedactionFinder.isRedacted(bracket) || RedactionFinder.containsRedaction(inner)) {
                return new Participant(name, null, true, raw);
            }
            if (ADDRESS.matcher(AnalysisBudget.watch(inner)).matches()) {
                return new Participant(name, stripMailto(inner), false, raw);
            }
            // "<Dana>" holds a name, not an address.
            return new Participant(name != null ? name : cleanName(inner), null, false, raw);
        }
        Matcher mailto = MAILTO.matcher(AnalysisBudget.watch(text));
        if (mailto.find()) {
            String address = mailto.group(1).strip();
            String name = cleanName(text.substring(0, mailto.start()));
            boolean redacted = RedactionFinder.containsRedaction(address) || address.isEmpty();
            return new Participant(name, redacted ? null : address, redacted, raw);
        }
        if (RedactionFinder.isRedacted(text)) {
            return new Participant(null, null, true, raw);
        }
        Matcher address = ADDRESS.matcher(AnalysisBudget.watch(text));
        if (address.find()) {
            String rest = (text.substring(0, address.start()) + " " + text.substring(address.end())).strip();
            // "dana@corvid.example (Dana Whitlock)": the old comment form of the display name.
            String name = cleanName(rest.replaceAll("^\\((.*)\\)$", "$1"));
            if (RedactionFinder.containsRedaction(address.group())) {
                return new Participant(name, null, true, raw);
            }
            return new Participant(name, address.group(), false, raw);
        }
        if (RedactionFinder.containsRedaction(text)) {
            // Part of the entry was removed ("Aiko ████", "Jun Park [REDACTED]"): keep what is left as the name.
            return new Participant(cleanName(withoutRedactions(text)), null, true, raw);
        }
        return new Participant(cleanName(text), null, false, raw);
    }

    private static String stripEmphasis(String s) {
        return s.replaceAll("^(?:\\*\\*|__)|(?:\\*\\*|__)$", "").strip();
    }

    private static String stripMailto(String address) {
        return address.regionMatches(true, 0, "mailto:", 0, 7) ? address.substring(7) : address;
    }

    private static String withoutRedactions(String text) {
        IndexedText indexed = new IndexedText(text);
        StringBuilder rest = new StringBuilder();
        int from = 0;
        for (Redaction r : RedactionFinder.find(indexed)) {
            int start = indexed.charIndex(r.span().start());
            rest.append(text, from, start).append(' ');
            from = indexed.charIndex(r.span().end());
        }
        return rest.append(text.substring(from)).toString();
    }

    private static @Nullable String cleanName(String s) {
        // Brackets left over around an address that was cut away: "Dana Whitlock (<d@x>)".
        String name = s.strip().replaceAll("[(\\[（]+$", "").replaceAll("^[)\\]）]+", "").strip();
        while (!name.isEmpty() && QUOTES.indexOf(name.charAt(0)) >= 0) {
            name = name.substring(1).strip();
        }
        while (!name.isEmpty() && QUOTES.indexOf(name.charAt(name.length() - 1)) >= 0) {
            name = name.substring(0, name.length() - 1).strip();
        }
        name = name.replaceAll("\\s+", " ");
        return name.isEmpty() ? null : name;
    }
}
