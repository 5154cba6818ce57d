/**
 * HTTP endpoints for translation fixes, revisions and diffs.
 */
@NullMarked
package org.palimpsest.api.fix.web;

import org.jspecify.annotations.NullMarked;
