package org.palimpsest.archive.projection.email;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.palimpsest.archive.extraction.email.Participant;
import org.palimpsest.archive.projection.DisjointSets;

/**
 * Decides which renderings are the same message. Two renderings are one message when they were sent at the
 * same minute, read either as the same instant or as the same wall-clock time (one time-zone mix-up: a
 * translation that kept the local time but named another zone), and their senders do not contradict each
 * other. Senders are compared by address, else by name through the alias resolver, so that 다나 휘트록 and
 * Dana Whitlock can be one person; an unknown or redacted sender contradicts nobody.
 */
final class RenderingGroups {

    private final Function<String, Optional<String>> aliasResolver;

    /** @param aliasResolver maps a name in any spelling to a stable person id, when the name is known */
    RenderingGroups(Function<String, Optional<String>> aliasResolver) {
        this.aliasResolver = aliasResolver;
    }

    List<EmailMessage> group(List<EmailRendering> renderings) {
        List<EmailRendering> sorted = new ArrayList<>(renderings);
        sorted.sort(Comparator.comparing(EmailRendering::key));
        DisjointSets sets = new DisjointSets(sorted.size());
        // Only renderings sharing a minute key can match, so bucket by those keys instead of comparing all pairs.
        Map<String, List<Integer>> buckets = new HashMap<>();
        for (int i = 0; i < sorted.size(); i++) {
            for (String key : minuteKeys(sorted.get(i))) {
                buckets.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
            }
        }
        for (List<Integer> bucket : buckets.values()) {
            for (int a = 0; a < bucket.size(); a++) {
                for (int b = a + 1; b < bucket.size(); b++) {
                    EmailRendering x = sorted.get(bucket.get(a));
                    EmailRendering y = sorted.get(bucket.get(b));
                    if (!x.documentId().equals(y.documentId()) && sendersAgree(x, y)) {
                        sets.union(bucket.get(a), bucket.get(b));
                    }
                }
            }
        }
        Map<Integer, List<EmailRendering>> groups = new HashMap<>();
        for (int i = 0; i < sorted.size(); i++) {
            groups.computeIfAbsent(sets.find(i), k -> new ArrayList<>()).add(sorted.get(i));
        }
        return groups.values().stream()
                .map(members -> {
                    EmailRendering first = members.get(0);
                    java.time.Instant time = members.stream().map(EmailRendering::instant).filter(java.util.Objects::nonNull)
                            .findFirst().orElse(first.sortTime());
                    return new EmailMessage(first.documentId() + "-" + first.localId(), time, List.copyOf(members));
                })
                .sorted(Comparator.comparing(EmailMessage::time, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(EmailMessage::id))
                .toList();
    }

    /** The identity of a participant for matching, or empty when it cannot be told (redacted, unnamed). */
    Optional<String> identity(Participant participant) {
        if (participant.address() != null && !participant.redacted() && participant.address().contains("@")) {
            return Optional.of("mail:" + participant.address().strip().toLowerCase(Locale.ROOT));
        }
        if (participant.name() == null || participant.name().isBlank()) {
            return Optional.empty();
        }
        Optional<String> known = aliasResolver.apply(participant.name().strip());
        if (known.isPresent()) {
            return known.map(id -> "person:" + id);
        }
        String folded = Normalizer.normalize(participant.name(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replaceAll("[\\s\\p{Punct}・·]", "");
        return folded.isEmpty() ? Optional.empty() : Optional.of("name:" + folded);
    }

    private boolean sendersAgree(EmailRendering x, EmailRendering y) {
        if (x.from() == null || y.from() == null) {
            return true;
        }
        Optional<String> a = identity(x.from());
        Optional<String> b = identity(y.from());
        if (a.isEmpty() || b.isEmpty()) {
            return true;
        }
        // Different kinds of identity (an address here, a bare name there) cannot contradict each other.
        return a.get().equals(b.get()) || !kind(a.get()).equals(kind(b.get()));
    }

    private static String kind(String identity) {
        return identity.substring(0, identity.indexOf(':'));
    }

    private static List<String> minuteKeys(EmailRendering r) {
        List<String> keys = new ArrayList<>(2);
        if (r.instant() != null) {
            keys.add("at:" + r.instant().truncatedTo(java.time.temporal.ChronoUnit.MINUTES));
        }
        if (r.wallClock() != null) {
            keys.add("wall:" + r.wallClock());
        }
        return keys;
    }

}
