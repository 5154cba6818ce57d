package org.palimpsest.api.cli;

/** The archive could not be started for a command: its store is in use or unreachable, or a setting is wrong. */
final class ArchiveUnavailableException extends RuntimeException {

    ArchiveUnavailableException(RuntimeException cause) {
        super(cause.getMessage(), cause);
    }
}
