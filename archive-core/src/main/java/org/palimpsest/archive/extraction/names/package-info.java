/**
 * Names of people and organizations across languages and spellings, from a curated alias catalog that editors extend.
 */
@NullMarked
package org.palimpsest.archive.extraction.names;

import org.jspecify.annotations.NullMarked;
