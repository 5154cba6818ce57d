package org.palimpsest.api.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * What the terminal shows when a command cannot run: two lines on standard error, what went wrong and what to do,
 * never a stack trace; and the exit status of {@link ExitStatus}.
 */
final class CommandFailures implements IExecutionExceptionHandler, IParameterExceptionHandler {

    /** A command that started and failed. */
    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) {
        Failure failure = Failure.of(e);
        print(command, failure.message(), failure.advice());
        return failure.status();
    }

    /** A command line that does not parse: the mistake, and where the usage is. */
    @Override
    public int handleParseException(ParameterException e, String[] arguments) {
        CommandLine command = e.getCommandLine();
        String mistake = e.getMessage();
        if (e instanceof UnmatchedArgumentException unmatched && !command.getSubcommands().isEmpty()
                && !unmatched.getUnmatched().isEmpty() && !unmatched.getUnmatched().get(0).startsWith("-")) {
            // The first word after the command is no subcommand of it: say which there are.
            mistake = "'" + unmatched.getUnmatched().get(0) + "' is no command; the commands are "
                    + String.join(", ", command.getSubcommands().keySet());
        } else if (e instanceof UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
            mistake += "; did you mean " + String.join(" or ", unmatched.getSuggestions().stream().limit(3).toList()) + "?";
        }
        print(command, mistake, "Run '" + command.getCommandSpec().qualifiedName() + " --help' for its usage.");
        return ExitStatus.USAGE;
    }

    private static void print(CommandLine command, String what, String advice) {
        PrintWriter err = command.getErr();
        err.println(command.getCommandSpec().qualifiedName() + ": " + what);
        err.println(advice);
        err.flush();
    }
}
