/**
 * Document structure: Markdown and scraped plain text cut into stable, typed segments, with inline links,
 * footnote references and site or newsletter chrome told apart from the main flow.
 */
@NullMarked
package org.palimpsest.archive.extraction.structure;

import org.jspecify.annotations.NullMarked;
