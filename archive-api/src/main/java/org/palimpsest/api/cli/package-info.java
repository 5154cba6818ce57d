/**
 * Command-line entry points: serve, import.
 */
@NullMarked
package org.palimpsest.api.cli;

import org.jspecify.annotations.NullMarked;
