package org.palimpsest.archive.projection.timeline;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One event on the timeline and every statement that describes it, from one or more documents and languages.
 *
 * @param id       stable as long as its first source exists: that entry's key
 * @param iso      the most precise date any source gives
 * @param earliest start of that date's interval; null for statements whose relative date could not be placed
 */
public record TimelineEvent(String id, String iso, String precision, @Nullable String qualifier,
                            @Nullable LocalDate earliest, @Nullable LocalDate latest, String summary,
                            List<String> languages, List<TimelineEntry> sources) {
}
