/**
 * The W3C Web Annotation Protocol over HTTP ({@code /annotations/}), and the annotations a reading view shows.
 */
@NullMarked
package org.palimpsest.api.annotation.web;

import org.jspecify.annotations.NullMarked;
