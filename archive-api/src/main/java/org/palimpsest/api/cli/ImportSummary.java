package org.palimpsest.api.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.palimpsest.archive.document.ImportOutcome;

/** Tallies an import run and prints what happened to each file that did not simply go in. */
final class ImportSummary {

    private int imported;
    private int reimported;
    private int unchanged;
    private final List<String> failed = new ArrayList<>();

    void record(ImportOutcome outcome) {
        switch (outcome.result()) {
            case IMPORTED -> imported++;
            case REIMPORTED -> reimported++;
            case UNCHANGED -> unchanged++;
        }
    }

    void fail(String where, String reason) {
        failed.add(where + ": " + reason);
    }

    List<String> failed() {
        return failed;
    }

    void print(PrintStream out) {
        out.printf("imported %d, re-imported %d, unchanged %d, failed %d%n", imported, reimported, unchanged, failed.size());
        failed.forEach(line -> out.println("  failed " + line));
    }
}
