/**
 * The Palimpsest application: HTTP API, security, CLI and wiring of the archive's modules.
 */
@NullMarked
package org.palimpsest.api;

import org.jspecify.annotations.NullMarked;
