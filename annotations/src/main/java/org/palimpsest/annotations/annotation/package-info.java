/**
 * The Annotation aggregate: its commands, its facts, and the rules for creating, revising, deleting and moderating.
 */
@NullMarked
package org.palimpsest.annotations.annotation;

import org.jspecify.annotations.NullMarked;
