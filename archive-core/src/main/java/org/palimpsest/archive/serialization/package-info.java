/**
 * How events, snapshots and messages become JSON: one Jackson 2 configuration shared by the event store, tests and tools.
 */
@NullMarked
package org.palimpsest.archive.serialization;

import org.jspecify.annotations.NullMarked;
