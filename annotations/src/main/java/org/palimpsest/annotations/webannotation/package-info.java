/**
 * The W3C Web Annotation JSON-LD shape of annotations, out and in, as plain maps any JSON library can write or read.
 */
@NullMarked
package org.palimpsest.annotations.webannotation;

import org.jspecify.annotations.NullMarked;
