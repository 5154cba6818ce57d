package org.palimpsest.archive.projection.reading;

/**
 * Where a stored reading-view version keeps its large parts: the text by its hash, and its fixes, segments and
 * redactions as chunked lists (each by the hash of its list of chunks) (see {@code ContentStore}). Versions that share a text, or most of a list, share the
 * stored content (ADR 10).
 */
public record ViewContents(String text, String fixes, String segments, String redactions) {
}
