package org.palimpsest.archive.projection.email;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One message with all its renderings, by the id {@link EmailMessage} gives it. */
public record FindEmail(String messageId, @Nullable Long position, @Nullable Instant time) {

    public FindEmail(String messageId) {
        this(messageId, null, null);
    }
}
