package org.palimpsest.api.timeline.web;

import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.jspecify.annotations.Nullable;
import org.palimpsest.api.web.AsOf;
import org.palimpsest.api.web.BadRequestException;
import org.palimpsest.api.web.Paging;
import org.palimpsest.api.web.LanguageTags;
import org.palimpsest.api.web.Reflects;
import org.palimpsest.archive.projection.timeline.TimelineEntry;
import org.palimpsest.archive.projection.timeline.TimelineEvent;
import org.palimpsest.archive.projection.timeline.TimelineQuery;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The cross-document timeline, as JSON events with their sources or as TimelineJS data. */
@RestController
class TimelineController {

    private final QueryGateway queries;
    private final Reflects reflects;

    TimelineController(QueryGateway queries, Reflects reflects) {
        this.queries = queries;
        this.reflects = reflects;
    }

    /**
     * @param from   first day (or month, or year) wanted, inclusive
     * @param to     last day (or month, or year) wanted, inclusive
     * @param format {@code json} (default) or {@code timelinejs}
     * @param asOf   the timeline as it stood at this instant (or {@code atPosition}, a global event index)
     */
    @GetMapping("/api/timeline")
    Object timeline(@RequestParam(required = false) @Nullable String from,
                    @RequestParam(required = false) @Nullable String to,
                    @RequestParam(required = false) @Nullable String lang,
                    @RequestParam(required = false) @Nullable String person,
                    @RequestParam(required = false) @Nullable String q,
                    @RequestParam(defaultValue = "json") String format,
                    @RequestParam(defaultValue = "0") int page,
                    @RequestParam(defaultValue = "200") int size,
                    @RequestParam(required = false) @Nullable String asOf,
                    @RequestParam(required = false) @Nullable Long atPosition) {
        Paging.check(page, size, 1000);
        java.util.Optional<AsOf> when = AsOf.from(asOf, atPosition, null);
        TimelineQuery query = new TimelineQuery(day(from, "from", false), day(to, "to", true), LanguageTags.filter(lang, "lang"),
                blankToNull(person), blankToNull(q), when.map(AsOf::position).orElse(null), when.map(AsOf::time).orElse(null));
        List<TimelineEvent> events = queries.query(query, ResponseTypes.multipleInstancesOf(TimelineEvent.class)).join();
        return switch (format) {
            case "json" -> Reflects.with(Map.of("items", events.stream().skip((long) page * size).limit(size).toList(),
                    "page", page, "size", size, "total", events.size()), reflects.asOf(when));
            case "timelinejs" -> timelineJs(events);
            default -> throw new BadRequestException(HttpStatus.BAD_REQUEST, "format", "format must be json or timelinejs");
        };
    }

    /** TimelineJS 3 data: one slide per placed event, its sources listed in the text, grouped by language. */
    private static Map<String, Object> timelineJs(List<TimelineEvent> events) {
        List<Map<String, Object>> slides = new ArrayList<>();
        for (TimelineEvent event : events) {
            if (event.earliest() == null) {
                continue;
            }
            Map<String, Object> slide = new LinkedHashMap<>();
            slide.put("unique_id", event.id().replace('#', '-'));
            slide.put("start_date", tjsDate(event.earliest(), event.precision(), event.iso()));
            if (!event.earliest().equals(event.latest()) && !event.precision().equals("day")) {
                slide.put("end_date", tjsDate(event.latest(), "day", event.iso()));
            }
            StringBuilder text = new StringBuilder();
            for (TimelineEntry source : event.sources()) {
                text.append("<p lang=\"").append(escape(source.language())).append("\">").append(escape(source.text()))
                        .append(" <a href=\"/api/documents/").append(escape(source.documentId())).append("\">")
                        .append(escape(source.documentTitle())).append("</a></p>");
            }
            slide.put("text", Map.of("headline", escape(event.iso()), "text", text.toString()));
            slide.put("group", String.join(", ", event.languages()));
            slides.add(slide);
        }
        return Map.of("title", Map.of("text", Map.of("headline", "Palimpsest timeline", "text", events.size() + " events")),
                "events", slides);
    }

    private static Map<String, Object> tjsDate(LocalDate day, String precision, String display) {
        Map<String, Object> date = new LinkedHashMap<>();
        date.put("year", day.getYear());
        if (!precision.equals("year")) {
            date.put("month", day.getMonthValue());
        }
        if (precision.equals("day")) {
            date.put("day", day.getDayOfMonth());
        }
        date.put("display_date", display);
        return date;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static @Nullable LocalDate day(@Nullable String value, String parameter, boolean end) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return switch (value.length()) {
                case 4 -> end ? Year.parse(value).atMonth(12).atEndOfMonth() : Year.parse(value).atDay(1);
                case 7 -> end ? YearMonth.parse(value).atEndOfMonth() : YearMonth.parse(value).atDay(1);
                default -> LocalDate.parse(value);
            };
        } catch (DateTimeParseException e) {
            throw new BadRequestException(HttpStatus.BAD_REQUEST, parameter, parameter + " must be 2017, 2017-09 or 2017-09-20");
        }
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
