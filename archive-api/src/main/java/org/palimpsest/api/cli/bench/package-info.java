/**
 * {@code ./palimpsest bench}: one class per measured area, each figure set beside a raw-driver rate measured in the
 * same run, and one table that prints them.
 */
@NullMarked
package org.palimpsest.api.cli.bench;

import org.jspecify.annotations.NullMarked;
