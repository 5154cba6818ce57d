package org.palimpsest.api.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.palimpsest.archive.history.EventLog;
import org.palimpsest.archive.history.EventLogException;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Backup and move: the whole event log to an NDJSON file with a checksum, and back into an empty archive. */
final class EventLogCommands {

    private EventLogCommands() {
    }

    private static ProgressBar bar(String task) {
        return new ProgressBarBuilder().setTaskName(task).setInitialMax(-1).setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
    }

    @Command(name = "export-log", mixinStandardHelpOptions = true, versionProvider = ArchiveVersion.class,
            description = "Write every event, in order, to FILE (NDJSON with a checksum line at the end).")
    static final class Export implements Callable<Integer> {

        @Parameters(paramLabel = "FILE")
        Path file;

        @Override
        public Integer call() throws IOException {
            Path folder = file.toAbsolutePath().getParent();
            if (folder == null || !Files.isDirectory(folder)) {
                System.err.println("export-log: " + file + ": there is no folder " + folder + " to write it in");
                return ExitStatus.REFUSED;
            }
            try (ConfigurableApplicationContext archive = OfflineArchive.start();
                 Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                 ProgressBar bar = bar("Exporting")) {
                long count = archive.getBean(EventLog.class).export(out, bar::stepTo);
                System.out.println("exported " + count + " events to " + file);
                return ExitStatus.DONE;
            }
        }
    }

    @Command(name = "import-log", mixinStandardHelpOptions = true, versionProvider = ArchiveVersion.class,
            description = "Load a log written by export-log into an EMPTY archive; the views rebuild from it.")
    static final class Import implements Callable<Integer> {

        @Parameters(paramLabel = "FILE")
        Path file;

        @Override
        public Integer call() throws IOException {
            if (!Files.isRegularFile(file)) {
                System.err.println("import-log: " + file + ": no such file");
                return ExitStatus.REFUSED;
            }
            try (ConfigurableApplicationContext archive = OfflineArchive.start()) {
                // Nothing may project the events while they are written: a failed import takes them back out.
                archive.getBean(EventProcessingConfiguration.class).eventProcessors().values()
                        .forEach(EventProcessor::shutDown);
                try (ProgressBar bar = bar("Importing")) {
                    long count = archive.getBean(EventLog.class).importFrom(file, bar::stepTo);
                    System.out.println("imported " + count + " events from " + file
                            + "; the views rebuild from them on the next start of the archive");
                    return ExitStatus.DONE;
                }
            } catch (EventLogException e) {
                System.err.println("import-log: " + file + ": " + e.getMessage() + switch (e.outcome()) {
                    case NOTHING_WRITTEN -> " (nothing was imported)";
                    case WRITTEN_AND_REMOVED -> "";
                    case PARTLY_WRITTEN -> " (see the warnings above)";
                });
                return ExitStatus.REFUSED;
            }
        }
    }
}
