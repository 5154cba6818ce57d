package org.palimpsest.api.cli;

import java.util.Arrays;
import org.palimpsest.api.PalimpsestApplication;
import org.springframework.boot.SpringApplication;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Command-line dispatch. {@code serve} hands its arguments to Spring Boot untouched (so {@code --server.port=…}
 * and friends work); the one-shot commands parse their own options and exit with their status.
 */
@Command(name = "palimpsest", mixinStandardHelpOptions = true,
        description = "Event-sourced archive for contested, multilingual source material.",
        subcommands = {ImportCommand.class, EventLogCommands.Export.class, EventLogCommands.Import.class, VerifyCommand.class, BenchCommand.class, UsersCommand.class},
        footer = {"", "Commands:", "  serve [SPRING_OPTIONS]   run the HTTP API (the default with no command)",
                "  import PATH...           import files and folders of documents",
                "  export-log FILE          write the whole event log (NDJSON + checksum) for backup or moving",
                "  import-log FILE          load such a log into an empty archive",
                "  verify [--as-of T]       replay into scratch and check the versioned views agree",
                "  bench [--scale F]        engine, projections, rebuild, HTTP, as-of and storage vs the raw driver",
                "  users add|list|grant|revoke|passwd   manage accounts",
                "  --demo                   (with serve) also accept demo accounts whose password is their name"})
public final class PalimpsestCommand implements Runnable {

    private PalimpsestCommand() {
    }

    /** The executable's entry point: here rather than on the application class, so that cli depends on api only. */
    public static void main(String[] args) {
        // An archive does not phone home: Axon's update checker stays off unless explicitly enabled.
        if (System.getProperty("axoniq.update-checker.disabled") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
        run(args);
    }

    public static void run(String[] args) {
        if (args.length == 0 || args[0].equals("serve") || args[0].startsWith("--")) {
            String[] springArgs = args.length > 0 && args[0].equals("serve") ? Arrays.copyOfRange(args, 1, args.length) : args;
            // --demo is the short spelling of the property that turns the demo accounts on.
            springArgs = Arrays.stream(springArgs).map(a -> a.equals("--demo") ? "--palimpsest.security.demo=true" : a)
                    .toArray(String[]::new);
            SpringApplication.run(PalimpsestApplication.class, springArgs);
            return;
        }
        System.exit(new CommandLine(new PalimpsestCommand()).execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
