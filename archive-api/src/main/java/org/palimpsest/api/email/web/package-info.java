/**
 * HTTP endpoints for the emails quoted across the archive.
 */
@NullMarked
package org.palimpsest.api.email.web;

import org.jspecify.annotations.NullMarked;
