package org.palimpsest.archive.projection.user;

/** Query: the account of this name, if any. */
public record FindUser(String name) {
}
