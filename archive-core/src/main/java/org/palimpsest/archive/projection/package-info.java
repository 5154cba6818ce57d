/**
 * What every projection shares: the position in the event stream its records reflect, and the generational base
 * (generations, blue/green adoption, the version index, batched writes and the content store) each rebuildable
 * projection's updater and store are built on.
 */
@NullMarked
package org.palimpsest.archive.projection;

import org.jspecify.annotations.NullMarked;
