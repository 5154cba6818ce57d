/**
 * Command-line entry points: serve, import, export-log, import-log, verify, bench, users; their exit statuses and how
 * they report failures.
 */
@NullMarked
package org.palimpsest.api.cli;

import org.jspecify.annotations.NullMarked;
