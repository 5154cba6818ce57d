package org.palimpsest.api.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.palimpsest.archive.document.DocumentImporter;
import org.palimpsest.archive.document.ImportOutcome;
import org.palimpsest.archive.document.ImportRequest;
import org.palimpsest.archive.document.InvalidDocumentException;
import org.palimpsest.archive.input.InvalidTextException;
import org.palimpsest.archive.input.UnicodeText;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code import PATH...}: imports every document file under the given files and folders, one at a time, so
 * that a bad file is reported and skipped without stopping the rest. Exit status 0 when all went in, 1 when
 * any failed (a path that does not exist included).
 */
@Command(name = "import", mixinStandardHelpOptions = true, versionProvider = ArchiveVersion.class,
        description = "Import document files (.md, .markdown, .txt) and folders of them into the archive.",
        footer = {"", "Prints a tally and each failure; with --json one JSON object instead: "
                + "{\"imported\", \"reimported\", \"unchanged\", \"failed\", \"files\": [{\"file\", \"result\", "
                + "\"id\", \"revision\", \"line\", \"error\"}]}. Exit status 1 when any file failed."})
final class ImportCommand implements Callable<Integer> {

    private static final List<String> EXTENSIONS = List.of(".md", ".markdown", ".txt");

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "files or folders (searched recursively)")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--actor", defaultValue = "cli:${sys:user.name}", description = "who is recorded as importer (default: ${DEFAULT-VALUE})")
    String actor;

    @Option(names = "--language", description = "language of every file, when the files do not say")
    String language;

    @Option(names = "--json", description = "print what became of every file, with the ids of the documents, as JSON")
    boolean json;

    @Override
    public Integer call() throws IOException {
        PrintStream out = System.out;
        ImportSummary summary = new ImportSummary();
        List<Path> files = collect(summary);
        if (files.isEmpty()) {
            System.err.println("import: no .md, .markdown or .txt files under " + paths);
            report(summary, out);
            return ExitStatus.REFUSED;
        }
        try (ConfigurableApplicationContext context = OfflineArchive.start()) {
            DocumentImporter importer = context.getBean(DocumentImporter.class);
            try (ProgressBar bar = new ProgressBarBuilder().setTaskName("Importing").setInitialMax(files.size())
                    .setStyle(ProgressBarStyle.ASCII).setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err))
                    .build()) {
                for (Path file : files) {
                    bar.setExtraMessage(file.getFileName().toString());
                    importOne(importer, file, summary);
                    bar.step();
                }
            }
        }
        report(summary, out);
        return summary.anyFailed() ? ExitStatus.REFUSED : ExitStatus.DONE;
    }

    private void report(ImportSummary summary, PrintStream out) {
        if (json) {
            summary.printJson(out);
        } else {
            summary.print(out);
        }
    }

    private void importOne(DocumentImporter importer, Path file, ImportSummary summary) {
        try {
            String text = readUtf8(file);
            ImportOutcome outcome = importer.importDocument(
                    new ImportRequest(text, null, language, null, null, null), actor);
            summary.record(file, outcome);
        } catch (InvalidDocumentException e) {
            summary.fail(file, e.line(), e.getMessage());
        } catch (InvalidTextException e) {
            summary.fail(file, null, e.getMessage());
        } catch (IOException e) {
            summary.fail(file, null, "cannot read: " + e.getMessage());
        } catch (RuntimeException e) {
            summary.fail(file, null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** The document files under the paths; a path that does not exist is a failure of the run. */
    private List<Path> collect(ImportSummary summary) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile)
                            .filter(p -> !p.getFileName().toString().startsWith("."))
                            .filter(ImportCommand::isDocument)
                            .sorted()
                            .forEach(files::add);
                }
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            } else {
                summary.fail(path, null, "no such file or folder");
            }
        }
        return files;
    }

    private static boolean isDocument(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return EXTENSIONS.stream().anyMatch(name::endsWith);
    }

    /** The same strict rule as the API's: malformed bytes are refused, never replaced. */
    private static String readUtf8(Path file) throws IOException {
        return UnicodeText.decodeUtf8(Files.readAllBytes(file));
    }

}
