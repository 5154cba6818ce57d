/**
 * Translation fixes: their facts, and the exact rules for anchoring a span of text across revisions.
 */
@NullMarked
package org.palimpsest.archive.fix;

import org.jspecify.annotations.NullMarked;
