/**
 * Redactions: blacked-out runs and placeholders in any language, as spans of the text.
 */
@NullMarked
package org.palimpsest.archive.extraction.redaction;

import org.jspecify.annotations.NullMarked;
