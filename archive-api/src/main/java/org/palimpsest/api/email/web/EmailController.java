package org.palimpsest.api.email.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.jspecify.annotations.Nullable;
import org.palimpsest.api.web.AsOf;
import org.palimpsest.api.web.BadRequestException;
import org.palimpsest.api.web.Paging;
import org.palimpsest.api.web.Reflects;
import org.palimpsest.api.web.NotFoundException;
import org.palimpsest.archive.projection.email.EmailMessage;
import org.palimpsest.archive.projection.email.EmailPage;
import org.palimpsest.archive.projection.email.FindEmail;
import org.palimpsest.archive.projection.email.ListEmails;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Every email quoted across the archive, one message with all its renderings. */
@RestController
class EmailController {

    private final QueryGateway queries;
    private final Reflects reflects;

    EmailController(QueryGateway queries, Reflects reflects) {
        this.queries = queries;
        this.reflects = reflects;
    }

    /** @param from first day (ISO date or instant), inclusive; @param to last day, inclusive */
    @GetMapping("/api/emails")
    java.util.Map<String, Object> list(@RequestParam(required = false) @Nullable String participant,
                   @RequestParam(required = false) @Nullable String from,
                   @RequestParam(required = false) @Nullable String to,
                   @RequestParam(defaultValue = "0") int page,
                   @RequestParam(defaultValue = "50") int size,
                   @RequestParam(required = false) @Nullable String asOf,
                   @RequestParam(required = false) @Nullable Long atPosition) {
        Paging.check(page, size, 200);
        java.util.Optional<AsOf> when = AsOf.from(asOf, atPosition, null);
        ListEmails query = new ListEmails(participant == null || participant.isBlank() ? null : participant.strip(),
                instant(from, "from", false), instant(to, "to", true), page, size,
                when.map(AsOf::position).orElse(null), when.map(AsOf::time).orElse(null));
        EmailPage found = queries.query(query, EmailPage.class).join();
        return Reflects.with(java.util.Map.of("items", found.items(), "page", found.page(), "size", found.size(),
                "total", found.total()), reflects.asOf(when));
    }

    @GetMapping("/api/emails/{id}")
    EmailMessage get(@PathVariable String id, @RequestParam(required = false) @Nullable String asOf,
                     @RequestParam(required = false) @Nullable Long atPosition) {
        java.util.Optional<AsOf> when = AsOf.from(asOf, atPosition, null);
        return queries.query(new FindEmail(id, when.map(AsOf::position).orElse(null), when.map(AsOf::time).orElse(null)),
                        ResponseTypes.optionalInstanceOf(EmailMessage.class)).join()
                .orElseThrow(() -> new NotFoundException("no email with id " + id));
    }

    private static @Nullable Instant instant(@Nullable String value, String parameter, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            return AsOf.storable(Instant.parse(value), parameter);
        } catch (DateTimeParseException e) {
            throw new BadRequestException(HttpStatus.BAD_REQUEST, parameter,
                    parameter + " must be a date (2019-03-11) or an instant (2019-03-11T15:05:00Z)");
        }
    }
}
