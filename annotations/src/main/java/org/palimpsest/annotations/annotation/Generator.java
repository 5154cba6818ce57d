package org.palimpsest.annotations.annotation;

import org.jspecify.annotations.Nullable;

/** The software that made an annotation on a person's behalf (W3C {@code generator}): its IRI, name, home page. */
public record Generator(@Nullable String id, @Nullable String name, @Nullable String homepage) {
}
