/**
 * Archive accounts as facts: who was added with which roles, role grants and revocations, password changes.
 * Never a password or its hash: the event log is exported and audited, credentials live elsewhere.
 */
@NullMarked
package org.palimpsest.archive.user;

import org.jspecify.annotations.NullMarked;
