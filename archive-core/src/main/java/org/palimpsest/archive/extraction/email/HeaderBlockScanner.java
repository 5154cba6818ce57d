package org.palimpsest.archive.extraction.email;

import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.palimpsest.archive.extraction.AnalysisBudget;
import org.palimpsest.archive.extraction.redaction.RedactionFinder;

/**
 * Finds header blocks: at least two lines with recognized labels of different fields, one of them From, To or
 * Date, each at most one blank line from the next and all at the same quote depth, and something only mail has
 * (an address, a date with a time of day, a subject). Labels may be wrapped in Markdown emphasis ({@code **From:**}),
 * follow list bullets, quote markers or indentation, and be followed by an ASCII or full-width colon, or by
 * nothing when the value stands on the next line.
 */
final class HeaderBlockScanner {

    /**
     * A header block.
     *
     * @param firstLine index of its first header line
     * @param lastLine index of its last line (a value on the line after its label included)
     * @param values the value of each field, the first one written when a field repeats (Date and Sent)
     * @param language BCP 47 language its labels are in
     * @param depth quote depth of its first line
     */
    record HeaderBlock(int firstLine, int lastLine, Map<HeaderField, String> values, String language, int depth) {

        @Nullable String value(HeaderField field) {
            return values.get(field);
        }
    }

    /** One header line; {@code lastLine} is past the label's line when the value is on the next line(s). */
    private record HeaderLine(HeaderField field, Set<String> languages, String value, int lastLine) {
    }

    /** One label found at the start of a line, and what follows it. */
    private record LabelMatch(HeaderField field, Set<String> languages, boolean colon, String rest) {
    }

    private static final Pattern LEAD = Pattern.compile("^(?:[-+•·]\\s+|\\*\\s+)?(?:\\*\\*|__|\\*|_)?\\s*");
    private static final Pattern AFTER_COLON =
            Pattern.compile("^(?:\\*\\*|__|\\*|_)?\\s*[:：]\\s*(?:\\*\\*|__|\\*|_)?\\s*(.*)$", Pattern.DOTALL);
    private static final Pattern LABEL_ALONE = Pattern.compile("^(?:\\*\\*|__|\\*|_)?\\s*$");
    private static final Pattern LIST_END = Pattern.compile("[,;、，；]$");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?。！？:：,，]$");
    private static final Set<HeaderField> ADDRESS_FIELDS =
            Set.of(HeaderField.FROM, HeaderField.TO, HeaderField.CC, HeaderField.BCC, HeaderField.REPLY_TO);
    private static final Set<HeaderField> ANCHOR_FIELDS = Set.of(HeaderField.FROM, HeaderField.TO, HeaderField.DATE);
    /** Real header blocks are short; the cap keeps a page of "To:" lines from being walked again at every line. */
    private static final int MAX_HEADER_LINES = 20;
    /** How many lines a value split over lines may take (an address list wrapped by a converter). */
    private static final int MAX_CONTINUATION_LINES = 5;

    private final Lines lines;
    /** labelAt is asked about the same lines again and again while blocks are tried at every line. */
    private final @Nullable LabelMatch[] labels;
    private final boolean[] labelKnown;

    HeaderBlockScanner(Lines lines) {
        this.lines = lines;
        this.labels = new LabelMatch[lines.size()];
        this.labelKnown = new boolean[lines.size()];
    }

    /** Whether line {@code index} begins with a recognized label. */
    boolean hasLabel(int index) {
        return labelAt(index) != null;
    }

    /** The header block starting at line {@code index}, if one does. */
    Optional<HeaderBlock> blockAt(int index) {
        return blockAt(index, 2);
    }

    /**
     * The header block starting at line {@code index} with at least {@code minimumLines} lines; with fewer than
     * two, the caller has other evidence that a message starts here, and the block need not show any.
     */
    Optional<HeaderBlock> blockAt(int index, int minimumLines) {
        Lines.Line first = lines.get(index);
        if (first.region() < 0) {
            return Optional.empty();
        }
        Map<HeaderField, String> values = new EnumMap<>(HeaderField.class);
        Map<String, Integer> votes = new HashMap<>();
        int lineCount = 0;
        int last = -1;
        int at = index;
        // A block's lines share one quote depth: "> From:" below a block is another (quoted) message.
        while (at >= 0 && lines.get(at).depth() == first.depth() && lineCount < MAX_HEADER_LINES) {
            HeaderLine header = headerLineAt(at);
            if (header == null) {
                break;
            }
            lineCount++;
            values.putIfAbsent(header.field(), header.value());
            header.languages().forEach(l -> votes.merge(l, 1, Integer::sum));
            last = header.lastLine();
            at = lines.nextContentLine(last, 1);
        }
        boolean anchored = values.keySet().stream().anyMatch(ANCHOR_FIELDS::contains);
        if (lineCount < minimumLines || values.size() < minimumLines || !anchored) {
            return Optional.empty();
        }
        String language = winner(votes);
        if (minimumLines >= 2 && !looksLikeMail(values, language)) {
            return Optional.empty();
        }
        return Optional.of(new HeaderBlock(index, last, Collections.unmodifiableMap(values), language,
                first.depth()));
    }

    /**
     * "From: Seoul / To: Tokyo / Date: March 11, 2019" is an itinerary. A mail header shows itself by an address,
     * an angle-bracketed or redacted participant, a date with a time of day, or a subject.
     */
    private static boolean looksLikeMail(Map<HeaderField, String> values, String language) {
        if (values.containsKey(HeaderField.SUBJECT)) {
            return true;
        }
        for (HeaderField field : ADDRESS_FIELDS) {
            String value = values.get(field);
            if (value != null && (value.contains("@") || value.contains("<")
                    || RedactionFinder.containsRedaction(value))) {
                return true;
            }
        }
        String date = values.get(HeaderField.DATE);
        return date != null && HeaderDateParser.parse(date, language).map(HeaderDate::understood).orElse(false);
    }

    private static String winner(Map<String, Integer> votes) {
        String best = HeaderField.LANGUAGE_PREFERENCE.get(0);
        int bestVotes = -1;
        for (String language : HeaderField.LANGUAGE_PREFERENCE) {
            int v = votes.getOrDefault(language, 0);
            if (v > bestVotes) {
                best = language;
                bestVotes = v;
            }
        }
        return best;
    }

    private @Nullable HeaderLine headerLineAt(int index) {
        LabelMatch label = labelAt(index);
        if (label == null) {
            return null;
        }
        String value = stripEmphasis(label.rest());
        int last = index;
        if (value.isEmpty()) {
            // The value stands on the next non-blank line, unless that line is a header of its own.
            int next = lines.nextContentLine(index, 1);
            if (next >= 0 && labelAt(next) == null
                    && plausibleValue(label.field(), stripEmphasis(lines.get(next).content()))) {
                value = stripEmphasis(lines.get(next).content());
                last = next;
            } else if (!label.colon()) {
                return null;
            }
        }
        if (ADDRESS_FIELDS.contains(label.field())) {
            for (int n = 0; n < MAX_CONTINUATION_LINES; n++) {
                int next = last + 1;
                if (!lines.inRegion(next, lines.get(index).region())) {
                    break;
                }
                if (unclosedAngle(value) && lines.raw(lines.get(next)).strip().startsWith(">")) {
                    // "<" and ">" split over two lines by a converter: an emptied address.
                    value = value + "\n>";
                    last = next;
                } else if (LIST_END.matcher(AnalysisBudget.watch(value)).find() && !lines.get(next).blank() && labelAt(next) == null) {
                    value = value + " " + stripEmphasis(lines.get(next).content());
                    last = next;
                } else {
                    break;
                }
            }
        }
        return new HeaderLine(label.field(), label.languages(), value, last);
    }

    private @Nullable LabelMatch labelAt(int index) {
        if (!labelKnown[index]) {
            labels[index] = findLabel(index);
            labelKnown[index] = true;
        }
        return labels[index];
    }

    private @Nullable LabelMatch findLabel(int index) {
        Lines.Line line = lines.get(index);
        if (line.region() < 0 || line.blank()) {
            return null;
        }
        String content = line.content();
        Matcher lead = LEAD.matcher(AnalysisBudget.watch(content));
        String text = lead.find() ? content.substring(lead.end()) : content;
        for (HeaderField.Label label : HeaderField.ALL_LABELS) {
            int length = label.text().length();
            if (!text.regionMatches(true, 0, label.text(), 0, length)) {
                continue;
            }
            String after = text.substring(length);
            Matcher colon = AFTER_COLON.matcher(AnalysisBudget.watch(after));
            if (colon.matches()) {
                return new LabelMatch(label.field(), languagesOf(label), true, colon.group(1));
            }
            if (LABEL_ALONE.matcher(AnalysisBudget.watch(after)).matches() && !label.needsColon()) {
                return new LabelMatch(label.field(), languagesOf(label), false, "");
            }
        }
        return null;
    }

    /** "Cc" is English, Japanese, German…; "De" French and Spanish: a label votes for all its languages. */
    private static Set<String> languagesOf(HeaderField.Label label) {
        Set<String> languages = new LinkedHashSet<>();
        for (HeaderField.Label other : HeaderField.ALL_LABELS) {
            if (other.field() == label.field() && other.text().equalsIgnoreCase(label.text())) {
                languages.add(other.language());
            }
        }
        return languages;
    }

    private static boolean unclosedAngle(String value) {
        return value.lastIndexOf('<') > value.lastIndexOf('>');
    }

    /** Markdown around a value: emphasis, and the backslash that forces a line break. */
    private static String stripEmphasis(String value) {
        String unbroken = TRAILING_BACKSLASH.matcher(AnalysisBudget.watch(value.strip())).replaceAll("").strip();
        return EDGE_EMPHASIS.matcher(AnalysisBudget.watch(unbroken)).replaceAll("").strip();
    }

    /** The patterns of {@link #stripEmphasis}, compiled once: it runs for every line that may be a header. */
    private static final Pattern TRAILING_BACKSLASH = Pattern.compile("\\\\$");
    private static final Pattern EDGE_EMPHASIS = Pattern.compile("^(?:\\*\\*|__)\\s*|\\s*(?:\\*\\*|__)$");

    /**
     * Whether a line can be the value of a label left empty above it. An empty "Cc:" is often really empty, and
     * the greeting below it must not become a recipient.
     */
    private static boolean plausibleValue(HeaderField field, String value) {
        int length = value.codePointCount(0, value.length());
        return switch (field) {
            case DATE -> length <= 80 && value.chars().anyMatch(Character::isDigit);
            case SUBJECT -> length <= 200;
            default -> value.contains("@") || value.contains("<") || RedactionFinder.containsRedaction(value)
                    || (length <= 80 && !SENTENCE_END.matcher(AnalysisBudget.watch(value)).find());
        };
    }
}
