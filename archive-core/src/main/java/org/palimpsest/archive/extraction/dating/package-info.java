/**
 * Dated statements: sentences and list items that place an event in time, with the date normalized to the precision written.
 */
@NullMarked
package org.palimpsest.archive.extraction.dating;

import org.jspecify.annotations.NullMarked;
