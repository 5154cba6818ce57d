package org.palimpsest.archive.fix;

/** Review states, as translation review tools name them: pending → accepted | rejected; accepted → reverted. */
public enum FixState {
    PENDING,
    ACCEPTED,
    REJECTED,
    REVERTED
}
