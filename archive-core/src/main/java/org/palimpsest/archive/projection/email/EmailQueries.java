package org.palimpsest.archive.projection.email;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.jspecify.annotations.Nullable;

/**
 * The emails' queries: messages formed from the renderings the {@link EmailProjection} holds now or held at a moment,
 * grouped at query time, so a better grouping rule needs no rebuild.
 */
public final class EmailQueries {

    private final EmailProjection projection;
    private final RenderingGroups groups;

    public EmailQueries(EmailProjection projection) {
        this.projection = projection;
        this.groups = new RenderingGroups(projection.aliasResolver());
    }

    @QueryHandler
    public EmailPage handle(ListEmails query) {
        List<EmailMessage> matching = groups.group(projection.renderings(query.position(), query.time())).stream()
                .filter(m -> query.participant() == null || mentions(m, query.participant()))
                .filter(m -> query.from() == null || (m.time() != null && !m.time().isBefore(query.from())))
                .filter(m -> query.to() == null || (m.time() != null && m.time().isBefore(query.to())))
                .toList();
        List<EmailMessage> page = matching.stream().skip((long) query.page() * query.size()).limit(query.size()).toList();
        return new EmailPage(page, query.page(), query.size(), matching.size());
    }

    @QueryHandler
    public Optional<EmailMessage> handle(FindEmail query) {
        return groups.group(projection.renderings(query.position(), query.time())).stream()
                .filter(m -> m.id().equals(query.messageId())).findFirst();
    }

    private boolean mentions(EmailMessage message, String participant) {
        String wanted = participant.toLowerCase(Locale.ROOT);
        Optional<String> person = projection.aliasResolver().apply(participant.strip());
        return message.renderings().stream().flatMap(r -> r.participants().stream()).anyMatch(p ->
                contains(p.name(), wanted) || contains(p.address(), wanted)
                        || (person.isPresent() && p.name() != null && person.equals(projection.aliasResolver().apply(p.name().strip()))));
    }

    private static boolean contains(@Nullable String value, String wanted) {
        return value != null && value.toLowerCase(Locale.ROOT).contains(wanted);
    }
}
