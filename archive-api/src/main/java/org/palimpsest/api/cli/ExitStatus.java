package org.palimpsest.api.cli;

/**
 * What a command's exit status means, the same for every command. The top-level help lists them ({@code exitCodeList}
 * of {@link PalimpsestCommand}, from the lines below) and README repeats them.
 */
final class ExitStatus {

    static final int DONE = 0;
    static final int REFUSED = 1;
    static final int USAGE = 2;
    static final int UNAVAILABLE = 3;
    static final int FAILED = 4;

    static final String DONE_LINE = "0:done";
    static final String REFUSED_LINE = "1:done, but something was refused, failed or found inconsistent "
            + "(the output says what)";
    static final String USAGE_LINE = "2:the command line is wrong (an unknown command or option, a missing argument)";
    static final String UNAVAILABLE_LINE = "3:the archive could not be opened: its data directory is in use by "
            + "another process (the server?), MongoDB cannot be reached, or a setting is wrong";
    static final String FAILED_LINE = "4:an unexpected failure; the message names a file with the details";

    private ExitStatus() {
    }
}
