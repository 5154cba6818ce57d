/**
 * The emails quoted across the archive: every rendering found in a document, grouped into messages.
 */
@NullMarked
package org.palimpsest.archive.projection.email;

import org.jspecify.annotations.NullMarked;
