/**
 * What every projection shares: the position in the event stream its records reflect.
 */
@NullMarked
package org.palimpsest.archive.projection;

import org.jspecify.annotations.NullMarked;
