/**
 * Who changed what, when and why: the metadata every fact carries, the audit trail and replay.
 */
@NullMarked
package org.palimpsest.archive.history;

import org.jspecify.annotations.NullMarked;
