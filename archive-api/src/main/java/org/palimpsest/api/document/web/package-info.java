/**
 * HTTP endpoints for documents: import and reading views.
 */
@NullMarked
package org.palimpsest.api.document.web;

import org.jspecify.annotations.NullMarked;
