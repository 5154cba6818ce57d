/**
 * MongoDB storage for the document feature's write-side lookups.
 */
@NullMarked
package org.palimpsest.archive.document.mongo;

import org.jspecify.annotations.NullMarked;
