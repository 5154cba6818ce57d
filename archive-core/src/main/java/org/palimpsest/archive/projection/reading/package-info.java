/**
 * Reading views: the current state of each document, projected from its events into MongoDB.
 */
@NullMarked
package org.palimpsest.archive.projection.reading;

import org.jspecify.annotations.NullMarked;
