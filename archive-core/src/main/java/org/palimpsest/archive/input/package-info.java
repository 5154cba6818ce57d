/**
 * What the archive accepts as input at all, whoever sends it (the HTTP API, the command line, an import): the size
 * limits of every field and of a stored event, declared once, and the rule that text is Unicode scalar values.
 */
@NullMarked
package org.palimpsest.archive.input;

import org.jspecify.annotations.NullMarked;
