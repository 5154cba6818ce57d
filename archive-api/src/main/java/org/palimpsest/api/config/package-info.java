/**
 * Wiring: MongoDB (external or embedded), Axon, serialization and security.
 */
@NullMarked
package org.palimpsest.api.config;

import org.jspecify.annotations.NullMarked;
