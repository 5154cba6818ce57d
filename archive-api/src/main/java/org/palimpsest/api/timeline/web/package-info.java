/**
 * HTTP endpoints for the cross-document timeline and its TimelineJS export.
 */
@NullMarked
package org.palimpsest.api.timeline.web;

import org.jspecify.annotations.NullMarked;
