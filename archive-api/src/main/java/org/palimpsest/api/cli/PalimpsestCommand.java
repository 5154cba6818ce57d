package org.palimpsest.api.cli;

import java.util.Set;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/**
 * Command-line dispatch. With no command, or with options only, {@code serve} runs the HTTP API (so
 * {@code ./palimpsest --server.port=8081} works); {@code --help}, {@code -h}, {@code help [COMMAND]} and
 * {@code --version} print and exit; every other command runs once and exits with its {@link ExitStatus}. One-shot
 * commands write their results to standard output and everything else (progress, warnings, failures) to standard
 * error, without Spring's banner or framework logs ({@link QuietSpring}).
 */
@Command(name = "palimpsest", mixinStandardHelpOptions = true, versionProvider = ArchiveVersion.class,
        description = "Event-sourced archive for contested, multilingual source material.",
        subcommands = {ServeCommand.class, ImportCommand.class, EventLogCommands.Export.class,
                EventLogCommands.Import.class, VerifyCommand.class, BenchCommand.class, UsersCommand.class,
                HelpCommand.class},
        footer = {"", "With no command, or only options such as --demo or --server.port=8081, serve runs.",
                "Results go to standard output; progress, warnings and failures to standard error."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {ExitStatus.DONE_LINE, ExitStatus.REFUSED_LINE, ExitStatus.USAGE_LINE,
                ExitStatus.UNAVAILABLE_LINE, ExitStatus.FAILED_LINE})
public final class PalimpsestCommand implements Runnable {

    private static final Set<String> OWN_OPTIONS = Set.of("-h", "--help", "-V", "--version");

    private PalimpsestCommand() {
    }

    /** The executable's entry point: here rather than on the application class, so that cli depends on api only. */
    public static void main(String[] args) {
        // An archive does not phone home: Axon's update checker stays off unless explicitly enabled.
        if (System.getProperty("axoniq.update-checker.disabled") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
        String[] arguments = withDefaultCommand(args);
        boolean serving = arguments[0].equals("serve");
        if (!serving) {
            QuietSpring.forThisProcess();
        }
        CommandLine commandLine = commandLine();
        int status = commandLine.execute(arguments);
        if (serving && status == ExitStatus.DONE) {
            // The server runs on in its own threads; exiting here would stop it.
            return;
        }
        System.exit(status);
    }

    /** The whole command line, with the archive's answers to mistakes and failures ({@link CommandFailures}). */
    public static CommandLine commandLine() {
        CommandFailures failures = new CommandFailures();
        return new CommandLine(new PalimpsestCommand())
                .setExecutionExceptionHandler(failures)
                .setParameterExceptionHandler(failures);
    }

    /** {@code serve} in front when no command is named: no arguments, or options that are not this command's own. */
    static String[] withDefaultCommand(String[] args) {
        if (args.length == 0 || args[0].startsWith("-") && !OWN_OPTIONS.contains(args[0])) {
            return Stream.concat(Stream.of("serve"), Stream.of(args)).toArray(String[]::new);
        }
        return args;
    }

    /** No command: only reachable in-process, since {@link #main} puts {@code serve} in front; the usage, then. */
    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
