/**
 * Analyses of a text computed once per content hash and shared by every projection that reads the same text.
 */
@NullMarked
package org.palimpsest.archive.projection.analysis;

import org.jspecify.annotations.NullMarked;
