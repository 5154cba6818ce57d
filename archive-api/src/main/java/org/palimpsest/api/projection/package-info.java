/**
 * Operating the projections: blue/green rebuilds behind the live views.
 */
@NullMarked
package org.palimpsest.api.projection;

import org.jspecify.annotations.NullMarked;
