/**
 * Who asked for each fact: the actor every command names and every event it causes carries. Below every feature
 * package, so the write side can stamp its commands and the history can read the stamp back without a cycle.
 */
@NullMarked
package org.palimpsest.archive.provenance;

import org.jspecify.annotations.NullMarked;
