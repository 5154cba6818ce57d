package org.palimpsest.archive.extraction.email;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.palimpsest.archive.extraction.AnalysisBudget;

/**
 * Zone names written in mail headers, mapped to region ids so that the instant follows the zone's real rules.
 *
 * <p>Abbreviations are read as the mail clients that write them mean them: US abbreviations are US zones (CST is
 * US Central, not China; China writes 中国标准时间 or 北京时间). Standard and daylight variants map to the same
 * region: a machine translation or a person writing "PST" in July means Pacific time, and the region's rules
 * give the offset really in force that day (-07:00). The raw text keeps what was written.
 */
final class ZoneNames {

    private static final Map<String, ZoneId> NAMES = names();

    /** Longest names first so that "Pacific Standard Time" is not read as something shorter. */
    private static final Pattern NAME = Pattern.compile(
            "(?<![\\p{L}])(?:" + NAMES.keySet().stream()
                    .sorted((a, b) -> b.length() - a.length())
                    .map(Pattern::quote)
                    .collect(Collectors.joining("|")) + ")(?![\\p{L}])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private ZoneNames() {
    }

    private static Map<String, ZoneId> names() {
        Map<String, ZoneId> m = new LinkedHashMap<>();
        ZoneId pacific = ZoneId.of("America/Los_Angeles");
        ZoneId mountain = ZoneId.of("America/Denver");
        ZoneId central = ZoneId.of("America/Chicago");
        ZoneId eastern = ZoneId.of("America/New_York");
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        ZoneId seoul = ZoneId.of("Asia/Seoul");
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        ZoneId utc = ZoneId.of("UTC");
        put(m, pacific, "PST", "PDT", "PT", "Pacific Standard Time", "Pacific Daylight Time", "Pacific Time",
                "태평양 표준시", "태평양 일광 절약 시간", "太平洋標準時", "太平洋夏時間", "太平洋标准时间");
        put(m, mountain, "MST", "MDT", "Mountain Standard Time", "Mountain Daylight Time");
        put(m, central, "CST", "CDT", "Central Standard Time", "Central Daylight Time");
        put(m, eastern, "EST", "EDT", "ET", "Eastern Standard Time", "Eastern Daylight Time", "Eastern Time");
        put(m, ZoneId.of("America/Anchorage"), "AKST", "AKDT");
        put(m, ZoneId.of("Pacific/Honolulu"), "HST");
        put(m, tokyo, "JST", "日本標準時", "日本時間", "Japan Standard Time");
        put(m, seoul, "KST", "한국 표준시", "한국표준시", "한국 시간", "Korea Standard Time");
        put(m, shanghai, "中国标准时间", "北京时间", "北京時間", "China Standard Time");
        put(m, ZoneId.of("Europe/London"), "BST");
        put(m, ZoneId.of("Europe/Berlin"), "CET", "CEST", "MEZ", "MESZ");
        put(m, utc, "UTC", "GMT", "UT", "协调世界时", "協定世界時");
        return m;
    }

    private static void put(Map<String, ZoneId> m, ZoneId zone, String... names) {
        for (String name : names) {
            m.put(name.toLowerCase(Locale.ROOT), zone);
        }
    }

    /** A zone named in {@code text}, with where its name stands. */
    record Found(ZoneId zone, int start, int end) {
    }

    static Optional<Found> find(CharSequence text) {
        Matcher m = NAME.matcher(AnalysisBudget.watch(text));
        if (!m.find()) {
            return Optional.empty();
        }
        ZoneId zone = NAMES.get(m.group().toLowerCase(Locale.ROOT));
        return zone == null ? Optional.empty() : Optional.of(new Found(zone, m.start(), m.end()));
    }
}
