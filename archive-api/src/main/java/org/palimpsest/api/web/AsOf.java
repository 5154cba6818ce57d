package org.palimpsest.api.web;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * The point in history a read asks for: {@code ?asOf=<ISO-8601 instant>}, {@code ?atPosition=<global event
 * index>}, or the Memento {@code Accept-Datetime} header (RFC 7089, an RFC 1123 date). Absent means now.
 */
public record AsOf(@Nullable Long position, @Nullable Instant time) {

    public static Optional<AsOf> from(@Nullable String asOf, @Nullable Long atPosition, @Nullable String acceptDatetime) {
        if (asOf != null && atPosition != null) {
            throw new BadRequestException(HttpStatus.BAD_REQUEST, "asOf", "give asOf or atPosition, not both");
        }
        if (atPosition != null) {
            if (atPosition < 0) {
                throw new BadRequestException(HttpStatus.BAD_REQUEST, "atPosition", "atPosition must be 0 or more");
            }
            return Optional.of(new AsOf(atPosition, null));
        }
        if (asOf != null && !asOf.isBlank()) {
            return Optional.of(new AsOf(null, instant(asOf, "asOf")));
        }
        if (acceptDatetime != null && !acceptDatetime.isBlank()) {
            try {
                return Optional.of(new AsOf(null, storable(
                        ZonedDateTime.parse(acceptDatetime, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant(), "Accept-Datetime")));
            } catch (DateTimeParseException e) {
                throw new BadRequestException(HttpStatus.BAD_REQUEST, "Accept-Datetime",
                        "Accept-Datetime must be an RFC 1123 date, e.g. Wed, 06 Mar 2024 09:00:00 GMT");
            }
        }
        return Optional.empty();
    }

    /**
     * An ISO-8601 instant given as {@code parameter}, refused (400 naming it) when it does not parse or lies beyond
     * what the store can hold.
     */
    public static Instant instant(String value, String parameter) {
        try {
            return storable(Instant.parse(value.strip()), parameter);
        } catch (DateTimeParseException e) {
            throw new BadRequestException(HttpStatus.BAD_REQUEST, parameter,
                    parameter + " must be an ISO-8601 instant, e.g. 2024-03-06T09:00:00Z");
        }
    }

    /**
     * {@code time} if the store can hold it: event times and version intervals are BSON dates, milliseconds since
     * 1970 in a long, so {@code +1000000000-01-01T00:00:00Z} parses as an {@link Instant} but cannot be queried.
     */
    public static Instant storable(Instant time, String parameter) {
        try {
            time.toEpochMilli();
            return time;
        } catch (ArithmeticException e) {
            throw new BadRequestException(HttpStatus.BAD_REQUEST, parameter,
                    parameter + " lies too far from 1970 to be stored (" + time + ")");
        }
    }

    /** An instant as Memento headers write it. */
    public static String httpDate(Instant time) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(time.atZone(java.time.ZoneOffset.UTC));
    }
}
