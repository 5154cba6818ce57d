/**
 * The embedded MongoDB-wire server used when no MongoDB URI is configured: durable group commits to one H2
 * file that gives its dead space back, and a gate that keeps other local processes off its loopback port.
 */
@NullMarked
package org.palimpsest.api.embedded;

import org.jspecify.annotations.NullMarked;
