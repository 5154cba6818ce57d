package org.palimpsest.archive.projection.user;

/** Query: every account, by name. */
public record ListUsers() {
}
