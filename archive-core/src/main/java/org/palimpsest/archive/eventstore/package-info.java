/**
 * Axon event storage on MongoDB with a global sequence, gap-aware tracking and unique-index-only hot reads.
 */
@NullMarked
package org.palimpsest.archive.eventstore;

import org.jspecify.annotations.NullMarked;
