package org.palimpsest.archive.projection.timeline;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.palimpsest.archive.extraction.names.NameEntry;

/**
 * The timeline's query: entries as the {@link TimelineProjection} holds them now or held them at a moment, filtered
 * and grouped into events at query time, so a better grouping rule applies without a rebuild.
 */
public final class TimelineQueries {

    private final TimelineProjection projection;

    public TimelineQueries(TimelineProjection projection) {
        this.projection = projection;
    }

    @QueryHandler
    public List<TimelineEvent> handle(TimelineQuery query) {
        Optional<String> person = query.person() == null ? Optional.empty() : projection.names().resolve(query.person().strip()).map(NameEntry::id);
        List<TimelineEntry> all = projection.entries(query.position(), query.time());
        List<TimelineEntry> matching = all.stream()
                .filter(e -> query.language() == null || languageMatches(e.language(), query.language()))
                .filter(e -> query.text() == null || contains(e.text(), query.text()))
                .filter(e -> query.person() == null
                        || (person.isPresent() ? e.names().contains(person.get()) : contains(e.text(), query.person())))
                .toList();
        return EventGrouping.group(matching).stream()
                .filter(event -> query.from() == null || (event.latest() != null && !event.latest().isBefore(query.from())))
                .filter(event -> query.to() == null || (event.earliest() != null && !event.earliest().isAfter(query.to())))
                .toList();
    }

    private static boolean languageMatches(String language, String wanted) {
        String l = language.toLowerCase(Locale.ROOT);
        String w = wanted.toLowerCase(Locale.ROOT);
        return l.equals(w) || l.startsWith(w + "-");
    }

    private static boolean contains(String text, String wanted) {
        return text.toLowerCase(Locale.ROOT).contains(wanted.toLowerCase(Locale.ROOT));
    }
}
