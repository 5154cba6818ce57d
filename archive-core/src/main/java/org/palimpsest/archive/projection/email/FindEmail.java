package org.palimpsest.archive.projection.email;

/** One message with all its renderings, by the id {@link EmailMessage} gives it. */
public record FindEmail(String messageId) {
}
