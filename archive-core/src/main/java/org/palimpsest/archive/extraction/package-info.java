/**
 * Pure text analysis of imported documents: no I/O, no framework types.
 */
@NullMarked
package org.palimpsest.archive.extraction;

import org.jspecify.annotations.NullMarked;
