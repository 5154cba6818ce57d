package org.palimpsest.archive.projection.email;

import java.util.List;

/** A page of messages in the archive's list shape. */
public record EmailPage(List<EmailMessage> items, int page, int size, long total) {
}
