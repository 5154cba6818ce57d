/**
 * Emails quoted in documents: header blocks in many languages, forwarded and quoted messages, participants and dates.
 */
@NullMarked
package org.palimpsest.archive.extraction.email;

import org.jspecify.annotations.NullMarked;
