package org.palimpsest.archive.history;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Which facts an auditor wants: recorded in [from, to), by {@code actor}, of event {@code type} (simple name,
 * e.g. {@code TranslationFixAccepted}), about aggregate {@code aggregateId}; null means any.
 */
public record AuditQuery(@Nullable Instant from, @Nullable Instant to, @Nullable String actor, @Nullable String type,
                         @Nullable String aggregateId) {
}
