package org.palimpsest.archive.extraction.email;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.palimpsest.archive.extraction.AnalysisBudget;

/**
 * Reads the dates mail clients write in headers and attribution lines, in Korean, Japanese, Chinese, English,
 * German, French and Spanish shapes, into a {@link HeaderDate}.
 *
 * <p>Rather than one pattern per client, it finds the parts wherever they stand: a calendar date (numeric,
 * 年月日/년월일, or with a month name), a time of day (H:MM[:SS], 時/시/点 forms, with AM/PM, 오전/오후, 午前/午後,
 * 上午/下午), an offset or a zone name. Everything left over must be a weekday name or a connecting word ("at",
 * "um", "à"); anything else means the text is not (only) a date, which is what lets the attribution-line reader
 * find where a date ends and a name begins. A date without a time of day is not normalized: a header date always
 * has one, and midnight would be an invention.
 */
public final class HeaderDateParser {

    private static final Map<String, Integer> MONTHS = months();

    private static final String MONTH_NAME = MONTHS.keySet().stream()
            .sorted((a, b) -> b.length() - a.length())
            .map(Pattern::quote)
            .collect(Collectors.joining("|"));

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    /** 2019年3月11日, 2019 年 3 月 11 日, 2019년 3월 11일. */
    private static final Pattern CJK_YMD = Pattern.compile(
            "(?<!\\d)(\\d{4})\\s*[년年]\\s*(\\d{1,2})\\s*[월月]\\s*(\\d{1,2})\\s*[일日号號]?");
    /** Korean Gmail's "7월 12, 2017": month, day, year. */
    private static final Pattern CJK_MDY = Pattern.compile(
            "(?<!\\d)(\\d{1,2})\\s*[월月]\\s*(\\d{1,2})\\s*[일日]?\\s*,\\s*(\\d{4})(?!\\d)");
    /** 2019-03-11, 2019/03/11, 2019. 3. 11. */
    private static final Pattern NUMERIC_YMD = Pattern.compile(
            "(?<!\\d)(\\d{4})\\s*([-/.])\\s*(\\d{1,2})\\s*\\2\\s*(\\d{1,2})(?!\\d)\\.?");
    /** 11.03.2019 (day first), 3/11/2019 (order decided by the values, then by the language). */
    private static final Pattern NUMERIC_XXY = Pattern.compile(
            "(?<!\\d)(\\d{1,2})\\s*([./])\\s*(\\d{1,2})\\s*\\2\\s*(\\d{4})(?!\\d)");
    /** March 11, 2019 / Mar 11th 2019. */
    private static final Pattern NAMED_MDY = Pattern.compile(
            "(?<!\\p{L})(" + MONTH_NAME + ")\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?!\\d)\\.?,?\\s+(\\d{4})(?!\\d)", FLAGS);
    /** 11 March 2019, 11. März 2019, 11 mars 2019, 11 de marzo de 2019. */
    private static final Pattern NAMED_DMY = Pattern.compile(
            "(?<!\\d)(\\d{1,2})(?:st|nd|rd|th|er)?\\.?\\s*(?:de\\s+)?(" + MONTH_NAME
                    + ")(?!\\p{L})\\.?,?\\s+(?:de\\s+)?(\\d{4})(?!\\d)", FLAGS);

    private static final String MERIDIEM_BEFORE = "오전|오후|午前|午後|上午|下午|中午|晚上|傍晚|凌晨|早上|早晨|AM|PM";
    private static final Pattern TIME = Pattern.compile(
            "(?:(?<before>" + MERIDIEM_BEFORE + ")\\s*)?"
                    + "(?<!\\d)(?<h>\\d{1,2})"
                    + "(?::(?<m>\\d{2})(?::(?<s>\\d{2}))?(?:\\.\\d+)?"
                    + "|\\s*[시時点點]\\s*(?:(?<m2>\\d{1,2})\\s*[분分])?\\s*(?:(?<s2>\\d{1,2})\\s*[초秒])?)"
                    + "(?!\\d)(?:\\s*(?<after>[AP]\\.?\\s?M\\.?)(?!\\p{L}))?", FLAGS);

    /** GMT+9, UTC+09:00, GMT-0700. */
    private static final Pattern NAMED_OFFSET = Pattern.compile(
            "(?:GMT|UTC)\\s*([+\\-−])\\s*(\\d{1,2})(?::?(\\d{2}))?(?!\\d)", FLAGS);
    /** -0700, +09:00 (only looked for once date and time are taken, so it cannot be part of them). */
    private static final Pattern BARE_OFFSET = Pattern.compile("(?<![\\d:])([+\\-−])(\\d{2}):?(\\d{2})(?!\\d)");

    private static final Pattern LEFTOVER_SEPARATORS =
            Pattern.compile("[\\s,.;:()\\[\\]（）【】「」、，。/\\-–—·'\"]+");

    private static final Set<String> TOLERATED_WORDS = tolerated();

    private HeaderDateParser() {
    }

    /**
     * Parses {@code raw}. Empty when it is blank; otherwise a date whose {@code instant} or {@code local} is set
     * when the shape is understood, or that only carries {@code raw} when not. Never throws.
     *
     * @param languageHint BCP 47 language of the surrounding header labels, used only where the shape itself is
     *     ambiguous (3/11/2019 is March 11 in English, 3 November elsewhere)
     */
    public static Optional<HeaderDate> parse(@Nullable String raw, @Nullable String languageHint) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String trimmed = raw.strip();
        @Nullable HeaderDate understood;
        try {
            understood = understand(trimmed, languageHint);
        } catch (RuntimeException e) {
            // A malformed value is a value we do not understand, not a failure of the document.
            understood = null;
        }
        return Optional.of(understood != null ? understood : HeaderDate.unparsed(trimmed));
    }

    private static @Nullable HeaderDate understand(String raw, @Nullable String languageHint) {
        // Full-width digits, colons and parentheses are common in Japanese and Chinese text.
        String normalized = Normalizer.normalize(raw, Normalizer.Form.NFKC)
                .replace('\u202F', ' ').replace('\u00A0', ' ');
        // ISO 8601's "T" and "Z" glued to digits.
        normalized = normalized.replaceAll("(?<=\\d)T(?=\\d)", " ").replaceAll("(?<=\\d)Z$", " UTC");
        StringBuilder work = new StringBuilder(normalized);

        @Nullable LocalDate date = takeDate(work, languageHint);
        if (date == null) {
            return null;
        }
        @Nullable LocalTime time = takeTime(work);
        if (time == null) {
            return null;
        }
        @Nullable ZoneOffset offset = takeOffset(work, NAMED_OFFSET);
        if (offset == null) {
            offset = takeOffset(work, BARE_OFFSET);
        }
        @Nullable ZoneId zone = null;
        Optional<ZoneNames.Found> named = ZoneNames.find(work);
        if (named.isPresent()) {
            zone = named.get().zone();
            blank(work, named.get().start(), named.get().end());
        }
        if (!onlyToleratedWordsLeft(work)) {
            return null;
        }
        LocalDateTime local = LocalDateTime.of(date, time);
        if (offset != null) {
            return new HeaderDate(raw, OffsetDateTime.of(local, offset), null,
                    zone != null ? zone.getId() : offset.getId());
        }
        if (zone != null) {
            // The zone's own rules for that date: "PST" written in July resolves to -07:00 (see ZoneNames).
            return new HeaderDate(raw, local.atZone(zone).toOffsetDateTime(), null, zone.getId());
        }
        return new HeaderDate(raw, null, local, null);
    }

    private static @Nullable LocalDate takeDate(StringBuilder work, @Nullable String languageHint) {
        Matcher m;
        if ((m = CJK_YMD.matcher(AnalysisBudget.watch(work))).find()) {
            return take(work, m, ymd(m.group(1), m.group(2), m.group(3)));
        }
        if ((m = CJK_MDY.matcher(AnalysisBudget.watch(work))).find()) {
            return take(work, m, ymd(m.group(3), m.group(1), m.group(2)));
        }
        if ((m = NUMERIC_YMD.matcher(AnalysisBudget.watch(work))).find()) {
            return take(work, m, ymd(m.group(1), m.group(3), m.group(4)));
        }
        if ((m = NUMERIC_XXY.matcher(AnalysisBudget.watch(work))).find()) {
            int first = Integer.parseInt(m.group(1));
            int second = Integer.parseInt(m.group(3));
            boolean dayFirst = m.group(2).equals(".")
                    || first > 12
                    || (second <= 12 && languageHint != null && !languageHint.startsWith("en"));
            return dayFirst
                    ? take(work, m, ymd(m.group(4), m.group(3), m.group(1)))
                    : take(work, m, ymd(m.group(4), m.group(1), m.group(3)));
        }
        if ((m = NAMED_MDY.matcher(AnalysisBudget.watch(work))).find()) {
            return take(work, m, ymd(m.group(3), month(m.group(1)), m.group(2)));
        }
        if ((m = NAMED_DMY.matcher(AnalysisBudget.watch(work))).find()) {
            return take(work, m, ymd(m.group(3), month(m.group(2)), m.group(1)));
        }
        return null;
    }

    private static @Nullable LocalDate take(StringBuilder work, Matcher m, @Nullable LocalDate date) {
        if (date != null) {
            blank(work, m.start(), m.end());
        }
        return date;
    }

    private static @Nullable LocalDate ymd(String year, String month, String day) {
        try {
            return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static String month(String name) {
        return String.valueOf(MONTHS.get(name.toLowerCase(Locale.ROOT)));
    }

    private static @Nullable LocalTime takeTime(StringBuilder work) {
        Matcher m = TIME.matcher(AnalysisBudget.watch(work));
        if (!m.find()) {
            return null;
        }
        int hour = Integer.parseInt(m.group("h"));
        String minutes = m.group("m") != null ? m.group("m") : m.group("m2");
        String seconds = m.group("s") != null ? m.group("s") : m.group("s2");
        int minute = minutes == null ? 0 : Integer.parseInt(minutes);
        int second = seconds == null ? 0 : Integer.parseInt(seconds);
        String meridiem = m.group("after") != null ? m.group("after") : m.group("before");
        hour = applyMeridiem(hour, meridiem);
        if (hour < 0 || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        blank(work, m.start(), m.end());
        return LocalTime.of(hour, minute, second);
    }

    /** 12-hour clock words; a 24-hour value (13 and up) is kept as written whatever word stands beside it. */
    private static int applyMeridiem(int hour, @Nullable String meridiem) {
        if (meridiem == null || hour > 12) {
            return hour;
        }
        String word = meridiem.replace(".", "").replace(" ", "").toUpperCase(Locale.ROOT);
        return switch (word) {
            case "PM", "오후", "午後", "下午", "晚上", "傍晚" -> hour == 12 ? 12 : hour + 12;
            case "中午" -> hour >= 11 ? hour : hour + 12;
            default -> hour == 12 ? 0 : hour; // AM, 오전, 午前, 上午, 凌晨, 早上
        };
    }

    private static @Nullable ZoneOffset takeOffset(StringBuilder work, Pattern pattern) {
        Matcher m = pattern.matcher(AnalysisBudget.watch(work));
        if (!m.find()) {
            return null;
        }
        int sign = m.group(1).equals("+") ? 1 : -1;
        int hours = Integer.parseInt(m.group(2));
        int minutes = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        if (hours > 18 || minutes > 59) {
            return null;
        }
        blank(work, m.start(), m.end());
        return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    }

    private static void blank(StringBuilder work, int start, int end) {
        for (int i = start; i < end; i++) {
            work.setCharAt(i, ' ');
        }
    }

    /**
     * Whether {@code text} ends with a weekday name or a connecting word. Such a word ends no date, so a reader
     * looking for where a date stops must not stop after one: in "…8:05, Sam Altman" "Sam" is a name, not
     * samedi.
     */
    static boolean endsWithToleratedWord(String text) {
        String[] tokens = LEFTOVER_SEPARATORS.split(text.strip());
        if (tokens.length == 0) {
            return false;
        }
        String last = tokens[tokens.length - 1].toLowerCase(Locale.ROOT);
        // "am" is German for "on" but also the English morning: "8:05 AM" ends a date well.
        return TOLERATED_WORDS.contains(last) && !last.equals("am");
    }

    private static boolean onlyToleratedWordsLeft(CharSequence rest) {
        for (String token : LEFTOVER_SEPARATORS.split(rest)) {
            if (!token.isEmpty() && !TOLERATED_WORDS.contains(token.toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, Integer> months() {
        Map<String, Integer> m = new HashMap<>();
        List<List<String>> names = List.of(
                List.of("january", "jan", "januar", "janvier", "janv", "enero", "ene", "jänner"),
                List.of("february", "feb", "februar", "février", "févr", "fevrier", "fév", "febrero"),
                List.of("march", "mar", "märz", "mär", "mrz", "mars", "marzo"),
                List.of("april", "apr", "avril", "avr", "abril", "abr"),
                List.of("may", "mai", "mayo", "may"),
                List.of("june", "jun", "juni", "juin", "junio"),
                List.of("july", "jul", "juli", "juillet", "juil", "julio"),
                List.of("august", "aug", "août", "aout", "agosto", "ago"),
                List.of("september", "sep", "sept", "septembre", "septiembre", "setiembre"),
                List.of("october", "oct", "oktober", "okt", "octobre", "octubre"),
                List.of("november", "nov", "novembre", "noviembre"),
                List.of("december", "dec", "dezember", "dez", "décembre", "déc", "decembre", "diciembre", "dic"));
        for (int i = 0; i < names.size(); i++) {
            for (String name : names.get(i)) {
                m.put(name, i + 1);
            }
        }
        return Map.copyOf(m);
    }

    /** Weekday names and abbreviations, and the little words that join a date to its time. */
    private static Set<String> tolerated() {
        return Set.of(
                "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
                "월요일", "화요일", "수요일", "목요일", "금요일", "토요일", "일요일",
                "월", "화", "수", "목", "금", "토", "일",
                "月曜日", "火曜日", "水曜日", "木曜日", "金曜日", "土曜日", "日曜日",
                "月曜", "火曜", "水曜", "木曜", "金曜", "土曜", "日曜",
                "月", "火", "水", "木", "金", "土", "日",
                "星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日", "星期天",
                "周一", "周二", "周三", "周四", "周五", "周六", "周日", "周天",
                "週一", "週二", "週三", "週四", "週五", "週六", "週日",
                "礼拜一", "礼拜二", "礼拜三", "礼拜四", "礼拜五", "礼拜六", "礼拜天", "礼拜日",
                "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
                "mo", "di", "mi", "do", "fr", "sa", "so",
                "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
                "lun", "mer", "jeu", "ven", "sam", "dim",
                "lunes", "martes", "miércoles", "miercoles", "jueves", "viernes", "sábado", "sabado", "domingo",
                "mié", "mie", "jue", "vie", "sáb", "sab", "dom", "mar",
                "at", "on", "the", "um", "uhr", "den", "am", "à", "a", "le", "las", "la", "el", "de", "del");
    }
}
