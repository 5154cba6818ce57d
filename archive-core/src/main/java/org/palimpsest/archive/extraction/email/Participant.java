package org.palimpsest.archive.extraction.email;

import org.jspecify.annotations.Nullable;

/**
 * A sender or recipient as written in a header or attribution line.
 *
 * @param name the display name, without quotes; null when only an address (or a redaction) was written
 * @param address the mail address; null when none was written or it was redacted
 * @param redacted whether the publisher removed part of it (typically the address). A redacted address is a
 *     redacted participant, not a missing one: the name, when present, is kept
 * @param raw the entry exactly as written
 */
public record Participant(@Nullable String name, @Nullable String address, boolean redacted, String raw) {
}
