/**
 * The Document aggregate: imports, re-imports and their facts.
 */
@NullMarked
package org.palimpsest.archive.document;

import org.jspecify.annotations.NullMarked;
