/**
 * The cross-document timeline: dated statements from every document, grouped into events across languages.
 */
@NullMarked
package org.palimpsest.archive.projection.timeline;

import org.jspecify.annotations.NullMarked;
