package org.palimpsest.archive.analysis;

import java.util.function.ToLongFunction;

/**
 * One analyser that a projection or the import runs over a document's text.
 *
 * @param name   what the failure message names
 * @param run    runs the analyser over a text and returns the size of what it produced: records plus the characters
 *               of text they hold, the measure of the memory its output keeps
 */
record Analyser(String name, ToLongFunction<String> run) {
}
