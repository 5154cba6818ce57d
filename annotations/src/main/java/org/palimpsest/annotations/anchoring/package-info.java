/**
 * W3C text selectors and the pure functions that check them against a revision and find them again in later text.
 */
@NullMarked
package org.palimpsest.annotations.anchoring;

import org.jspecify.annotations.NullMarked;
