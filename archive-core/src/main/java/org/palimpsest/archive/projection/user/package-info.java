/**
 * The account directory: each account's roles and when it last changed, projected from the user events.
 */
@NullMarked
package org.palimpsest.archive.projection.user;

import org.jspecify.annotations.NullMarked;
