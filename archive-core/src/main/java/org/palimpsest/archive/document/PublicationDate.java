package org.palimpsest.archive.document;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Normalizes a publication date to ISO 8601 at the precision the source gives: year, year-month, date,
 * local date-time or date-time with offset. A space between date and time is accepted, as blog front
 * matter commonly writes it.
 */
public final class PublicationDate {

    private static final Pattern SPACE_BEFORE_TIME = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2}) (\\d{2}:\\d{2})");

    private static final List<Function<String, String>> SHAPES = List.of(
            s -> OffsetDateTime.parse(s).toString(),
            s -> LocalDateTime.parse(s).toString(),
            s -> LocalDate.parse(s).toString(),
            s -> YearMonth.parse(s).toString(),
            s -> Year.parse(s).toString());

    private PublicationDate() {
    }

    /** @throws InvalidDocumentException when the value is none of the accepted shapes */
    public static String normalize(String value) {
        String candidate = SPACE_BEFORE_TIME.matcher(value.strip()).replaceFirst("$1T$2");
        for (Function<String, String> shape : SHAPES) {
            try {
                return shape.apply(candidate);
            } catch (DateTimeParseException ignored) {
                // try the next, less precise shape
            }
        }
        throw new InvalidDocumentException("publishedAt",
                "'" + value + "' is not an ISO-8601 date: use 2024, 2024-03, 2024-03-06 or 2024-03-06T09:30:00+09:00");
    }
}
