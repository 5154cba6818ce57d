package org.palimpsest.archive.extraction.email;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.palimpsest.archive.extraction.AnalysisBudget;
import org.palimpsest.archive.extraction.redaction.RedactionFinder;

/**
 * The line a mail client writes above a quoted reply: "On Mon, Mar 11, 2019 at 8:05 AM, Dana &lt;d@x&gt; wrote:",
 * "2019년 3월 11일 (월) 오전 8:05, 다나 &lt;d@x&gt;님이 작성:", "2019年3月11日(月) 8:05 ダナ &lt;d@x&gt;:", and their
 * German, French, Spanish and Chinese forms. It gives the quoted message's sender and date.
 *
 * <p>Two tests keep prose out. The verb ("wrote:", "작성:", "썼습니다", "書きました", "写道", "schrieb", "a écrit",
 * "escribió") must end the line; a sentence that merely begins "On the …" does not. And the line must name an
 * address ({@code <…>} or {@code x@y}) or carry a date with a time of day: "he wrote:" alone is not enough.
 */
final class AttributionLine {

    /** What an attribution line says. */
    record Attribution(@Nullable Participant from, @Nullable HeaderDate date, String language) {
    }

    /**
     * One way of writing the line. The pattern either captures {@code mid} (date and sender together, to be
     * split) or, where the verb stands between them, {@code date} and {@code who}. The {@code ending} is checked
     * first, on the end of the line only: most lines fail there, before the costlier whole-line pattern runs.
     */
    private record Shape(String language, Pattern ending, Pattern pattern, boolean needsDateAndAddress) {

        static Shape of(String language, String ending, String head, boolean needsDateAndAddress) {
            return new Shape(language, Pattern.compile("(?:" + ending + ")$", FLAGS),
                    Pattern.compile("^" + head + "(?:" + ending + ")$", FLAGS), needsDateAndAddress);
        }

        boolean separatesParts() {
            return pattern.pattern().contains("(?<who>");
        }

        boolean endsLike(String line) {
            return ending.matcher(AnalysisBudget.watch(line)).useTransparentBounds(true)
                    .region(Math.max(0, line.length() - TAIL_LENGTH), line.length()).find();
        }
    }

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    /** Enough characters to hold the longest verb ending ("작성했습니다:", "書き込みました:"). */
    private static final int TAIL_LENGTH = 16;

    private static final List<Shape> SHAPES = List.of(
            Shape.of("en", "wrote\\s*[:：]", "(?:On\\s+)?(?<mid>.+?)[\\s,]+", false),
            Shape.of("ko", "(?:작성했습니다|작성|썼습니다|씀)\\s*[:.：]?",
                    "(?<mid>.+?)\\s*(?:님이|님께서|께서|이|가)?\\s*(?:다음과\\s*같이\\s*)?", false),
            Shape.of("ja", "(?:書きました|書き込みました|のメッセージ)\\s*[:：]?",
                    "(?<mid>.+?)\\s*(?:さん|様)?\\s*(?:は|が)?\\s*", false),
            Shape.of("zh", "(?:写道|寫道)\\s*[:：]?", "(?<mid>.+?)\\s*", false),
            Shape.of("de", "[:：]", "Am\\s+(?<date>.+?)\\s+schrieb\\s+(?<who>.+?)\\s*", false),
            Shape.of("de", "schrieb\\s*[:：]", "(?<mid>.+?)\\s+", false),
            Shape.of("fr", "a\\s+écrit\\s*[:：]", "(?:Le\\s+)?(?<mid>.+?)\\s+", false),
            Shape.of("es", "escribió\\s*[:：]", "(?:El\\s+)?(?<mid>.+?)\\s+", false),
            // Japanese Gmail writes no verb at all: "2019年3月11日(月) 8:05 ダナ <d@x>:".
            Shape.of("ja", "(?<=>)\\s*[:：]", "(?<mid>\\d.+)", true));

    private static final Pattern ANYTHING = Pattern.compile("");

    /** Words that open an attribution; a line starting so may continue on the next line. */
    private static final Pattern OPENER = Pattern.compile("^(?:On|Le|Am|El)\\s|^\\d", FLAGS);
    private static final Pattern ADDRESS = Pattern.compile("<[^<>]*>|[^\\s<>@]+@[^\\s<>@]+");
    /** Where a date and a name may meet: after a comma or at a space. */
    private static final Pattern CUT = Pattern.compile("[,，、]\\s*|\\s+");
    private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[\\s,，、:：(（]+|[\\s,，、:：)）]+$");
    /** Every date shape the parser reads has a four-digit year and a time of day. */
    private static final Pattern YEAR = Pattern.compile("(?<!\\d)\\d{4}(?!\\d)");
    private static final Pattern TIME = Pattern.compile("\\d\\s*[:：시時点點]");
    /** The longest date an attribution line writes, zone name included, with room to spare. */
    private static final int MAX_DATE_LENGTH = 80;
    /** Longer than this, a line is prose, not an attribution. */
    private static final int MAX_LENGTH = 300;
    /** Bold markers around a whole line ("**On Monday, Dana wrote:**"), compiled once: every line is tried. */
    private static final Pattern EDGE_EMPHASIS = Pattern.compile("^(?:\\*\\*|__)|(?:\\*\\*|__)$");
    /** The most characters {@link #EDGE_EMPHASIS} removes: a marker at each end. */
    private static final int EDGE_EMPHASIS_LENGTH = 4;

    private AttributionLine() {
    }

    /**
     * Gmail's print layout: no labels for the sender, whose line reads "Dana Whitlock &lt;d@x&gt;   Mon, Mar 11,
     * 2019 at 8:05 AM" above "To:". Both an address and a date with a time are required.
     */
    static Optional<Attribution> senderLine(String content, String language) {
        String line = content.strip();
        if (line.isEmpty() || line.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        return split(new Shape(language, ANYTHING, Pattern.compile("^(?<mid>.+)$"), true), line);
    }

    /** Whether {@code content} may be the first half of an attribution wrapped over two lines. */
    static boolean mayContinue(String content) {
        return OPENER.matcher(AnalysisBudget.watch(content)).find() && content.length() < MAX_LENGTH;
    }

    static Optional<Attribution> parse(String content) {
        String stripped = content.strip();
        if (stripped.length() > MAX_LENGTH + EDGE_EMPHASIS_LENGTH) {
            // Prose: even without its emphasis markers the line is too long to be an attribution.
            return Optional.empty();
        }
        String line = EDGE_EMPHASIS.matcher(AnalysisBudget.watch(stripped)).replaceAll("").strip();
        if (line.isEmpty() || line.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        for (Shape shape : SHAPES) {
            if (!shape.endsLike(line)) {
                continue;
            }
            Matcher m = shape.pattern().matcher(AnalysisBudget.watch(line));
            if (!m.matches()) {
                continue;
            }
            Optional<Attribution> found = shape.separatesParts()
                    ? accept(shape, m.group("who"), m.group("date"))
                    : split(shape, m.group("mid"));
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** Finds where the date ends and the sender begins (or the reverse), then checks the line is plausible. */
    private static Optional<Attribution> split(Shape shape, String mid) {
        String middle = mid.strip();
        if (!YEAR.matcher(AnalysisBudget.watch(middle)).find() || !TIME.matcher(AnalysisBudget.watch(middle)).find()) {
            // No date with a time can be in there: spare the search.
            return accept(shape, middle, null);
        }
        // Date first (most clients): the longest prefix that is a whole date.
        List<Integer> cuts = CUT.matcher(AnalysisBudget.watch(middle)).results().map(r -> r.start()).toList();
        for (int i = cuts.size() - 1; i >= 0; i--) {
            String datePart = middle.substring(0, cuts.get(i));
            if (datePart.length() > MAX_DATE_LENGTH || HeaderDateParser.endsWithToleratedWord(datePart)) {
                continue;
            }
            @Nullable HeaderDate date = understood(datePart, shape.language());
            if (date != null) {
                return accept(shape, middle.substring(cuts.get(i)), datePart);
            }
        }
        // Chinese Gmail: "Dana <d@x> 于2019年3月11日周一 上午8:05".
        int yu = middle.lastIndexOf('于');
        if (yu > 0 && understood(middle.substring(yu + 1), shape.language()) != null) {
            return accept(shape, middle.substring(0, yu), middle.substring(yu + 1));
        }
        // Sender first, date after: the shortest prefix after which a whole date stands.
        for (int cut : cuts) {
            String datePart = middle.substring(cut);
            if (datePart.length() <= MAX_DATE_LENGTH && understood(datePart, shape.language()) != null) {
                return accept(shape, middle.substring(0, cut), datePart);
            }
        }
        return accept(shape, middle, null);
    }

    private static Optional<Attribution> accept(Shape shape, String who, @Nullable String datePart) {
        String sender = EDGE_PUNCTUATION.matcher(AnalysisBudget.watch(who.strip())).replaceAll("").strip();
        @Nullable HeaderDate date = datePart == null ? null
                : HeaderDateParser.parse(EDGE_PUNCTUATION.matcher(AnalysisBudget.watch(datePart)).replaceAll(""), shape.language())
                        .orElse(null);
        boolean hasAddress = ADDRESS.matcher(AnalysisBudget.watch(sender)).find() || RedactionFinder.containsRedaction(sender);
        boolean hasDate = date != null && date.understood();
        boolean plausible = shape.needsDateAndAddress() ? hasAddress && hasDate : hasAddress || hasDate;
        if (!plausible || sender.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Attribution(ParticipantParser.parseOne(sender), date, shape.language()));
    }

    private static @Nullable HeaderDate understood(String text, String language) {
        String trimmed = EDGE_PUNCTUATION.matcher(AnalysisBudget.watch(text)).replaceAll("");
        if (trimmed.isEmpty()) {
            return null;
        }
        return HeaderDateParser.parse(trimmed, language).filter(HeaderDate::understood).orElse(null);
    }
}
