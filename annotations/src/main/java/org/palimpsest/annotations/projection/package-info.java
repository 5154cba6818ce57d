/**
 * The annotations read model: every annotation's current state and each of its versions, the text changes of the
 * documents they are on, and their re-anchoring to a document's current text, projected into MongoDB.
 */
@NullMarked
package org.palimpsest.annotations.projection;

import org.jspecify.annotations.NullMarked;
