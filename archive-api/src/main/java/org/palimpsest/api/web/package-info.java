/**
 * HTTP concerns shared by every endpoint: problem details, caller identity.
 */
@NullMarked
package org.palimpsest.api.web;

import org.jspecify.annotations.NullMarked;
