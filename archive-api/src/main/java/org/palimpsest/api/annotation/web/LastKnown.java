package org.palimpsest.api.annotation.web;

import org.palimpsest.archive.extraction.Span;

/** Where an orphaned annotation last stood: its span in the revision it was made on. */
public record LastKnown(Span span, long revision) {
}
