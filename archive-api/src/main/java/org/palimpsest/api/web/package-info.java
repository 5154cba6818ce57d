/**
 * HTTP concerns shared by every endpoint: a problem answer for every refusal, down to Tomcat's own; points in history.
 */
@NullMarked
package org.palimpsest.api.web;

import org.jspecify.annotations.NullMarked;
