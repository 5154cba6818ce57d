package org.palimpsest.api.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.palimpsest.api.PalimpsestApplication;
import org.springframework.boot.SpringApplication;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/**
 * {@code serve}: the HTTP API, the command run when none is named. Every argument but {@code --demo} goes to Spring
 * Boot untouched, so {@code --server.port=8081} and any other setting of README's Configuration work.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = ArchiveVersion.class,
        description = "Run the HTTP API on http://localhost:8080 (the default when no command is given; the server "
                + "keeps running until stopped).",
        footer = {"", "Any other --key=value is a setting of README's Configuration, e.g. --server.port=8081 "
                + "--palimpsest.data-dir=/srv/archive."})
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--demo", description = "also accept the demo accounts reader, annotator, editor, auditor and admin, "
            + "each with its own name as password (never in production)")
    boolean demo;

    @Unmatched
    List<String> springArguments = new ArrayList<>();

    @Override
    public Integer call() {
        List<String> arguments = new ArrayList<>(springArguments);
        if (demo) {
            arguments.add("--palimpsest.security.demo=true");
        }
        try {
            SpringApplication.run(PalimpsestApplication.class, arguments.toArray(String[]::new));
        } catch (RuntimeException e) {
            // Spring Boot has logged why; the summary below says what to do.
            throw new ArchiveUnavailableException(e);
        }
        return ExitStatus.DONE;
    }
}
