package org.palimpsest.api.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.palimpsest.archive.document.ImportOutcome;
import tools.jackson.databind.json.JsonMapper;

/** What an import run did to each file: a tally and the failures for people, or every file as JSON for scripts. */
final class ImportSummary {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<FileResult> files = new ArrayList<>();

    /** What became of one file. */
    enum Outcome {
        IMPORTED, REIMPORTED, UNCHANGED, FAILED;

        @JsonValue
        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One file, as {@code import --json} lists it.
     *
     * @param file     the path as found
     * @param result   what became of it
     * @param id       the document it went into (new, re-imported or already holding this text)
     * @param revision the document's text revision after the import
     * @param line     for a failure in the front matter, its line
     * @param error    why it failed
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record FileResult(String file, Outcome result, @Nullable String id, @Nullable Long revision, @Nullable Integer line,
                      @Nullable String error) {
    }

    /** The whole run, as {@code import --json} prints it: the tally, then every file in the order imported. */
    record Report(long imported, long reimported, long unchanged, long failed, List<FileResult> files) {
    }

    void record(Path file, ImportOutcome outcome) {
        Outcome result = switch (outcome.result()) {
            case IMPORTED -> Outcome.IMPORTED;
            case REIMPORTED -> Outcome.REIMPORTED;
            case UNCHANGED -> Outcome.UNCHANGED;
        };
        files.add(new FileResult(file.toString(), result, outcome.documentId(), outcome.revision(), null, null));
    }

    void fail(Path file, @Nullable Integer line, String reason) {
        files.add(new FileResult(file.toString(), Outcome.FAILED, null, null, line, reason));
    }

    boolean anyFailed() {
        return count(Outcome.FAILED) > 0;
    }

    Report report() {
        return new Report(count(Outcome.IMPORTED), count(Outcome.REIMPORTED), count(Outcome.UNCHANGED),
                count(Outcome.FAILED), List.copyOf(files));
    }

    void print(PrintStream out) {
        Report report = report();
        out.printf("imported %d, re-imported %d, unchanged %d, failed %d%n", report.imported(), report.reimported(),
                report.unchanged(), report.failed());
        files.stream().filter(f -> f.result() == Outcome.FAILED).forEach(f -> out.println("  failed " + f.file()
                + (f.line() == null ? "" : ":" + f.line()) + ": " + f.error()));
    }

    void printJson(PrintStream out) {
        out.println(JSON.writeValueAsString(report()));
    }

    private long count(Outcome outcome) {
        return files.stream().filter(f -> f.result() == outcome).count();
    }
}
