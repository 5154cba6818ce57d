/**
 * Documents as the application offers them: sample loading and import orchestration.
 */
@NullMarked
package org.palimpsest.api.document;

import org.jspecify.annotations.NullMarked;
