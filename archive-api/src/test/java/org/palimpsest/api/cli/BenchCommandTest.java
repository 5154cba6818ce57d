package org.palimpsest.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ./palimpsest bench --scale 0.01}: every figure of issue 11 printed with what it is compared with, scratch gone. */
class BenchCommandTest {

    /** Each figure with its ratio to the raw-driver figure beside it and its verdict. */
    private static final List<String> JUDGED_RATIOS = List.of("engine append, batches of 100", "tracking read, 200 stored",
            "tracking read, last 200 of 2k", "tracking rate, 2k vs 200 stored", "live projection, mix of",
            "rebuild of", "as-of p99, 100 vs 10 versions", "data directory before rebuild", "data directory after rebuild");
    /** Held to an absolute target, with a raw-driver rate beside them. */
    private static final List<String> JUDGED_VALUES_BESIDE_RAW = List.of("HTTP imports of 20 KB, 4 clients",
            "HTTP annotation creations+edits, 4 clients");
    private static final List<String> LATENCIES = List.of("reading view GET (20 KB, 5 annotations) p50",
            "reading view GET (20 KB, 5 annotations) p99");
    private static final List<String> INFORMATIVE = List.of("engine append vs an unindexed collection", "consistency check",
            "bytes stored per event",
            "as-of p50, 10 versions", "as-of p99, 10 versions", "as-of p50, 100 versions", "timeline GET p50",
            "timeline GET p99");

    @TempDir
    Path scratchParent;

    @Test
    void printsEveryFigureBesideItsRawRateAndDeletesItsScratchArchive() throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = new CommandLine(new BenchCommand())
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute("--scale=0.01", "--scratch-in=" + scratchParent);
        String table = out.toString();

        assertThat(status).as("exit status; stderr:%n%s", err).isZero();
        for (String figure : JUDGED_RATIOS) {
            // name, value and unit, the raw figure beside it, the ratio, the target on the ratio, the verdict
            assertThat(table).as(figure).containsPattern(Pattern.compile(
                    "(?m)^" + Pattern.quote(figure) + ".*\\S+ \\S+/?\\S*  +.+: [0-9.,]+ \\S+ +[0-9]+\\.[0-9]{2}  +ratio [<>]= [0-9.]+ +(PASS|FAIL)$"));
        }
        for (String figure : JUDGED_VALUES_BESIDE_RAW) {
            assertThat(table).as(figure).containsPattern(Pattern.compile(
                    "(?m)^" + Pattern.quote(figure) + ".*: [0-9.,]+ docs/s +[0-9]+\\.[0-9]{2}  +>= [0-9.]+ +(PASS|FAIL)$"));
        }
        for (String figure : LATENCIES) {
            assertThat(table).as(figure).containsPattern(Pattern.compile(
                    "(?m)^" + Pattern.quote(figure) + " +[0-9.,]+ ms +<= [0-9.]+ +(PASS|FAIL)$"));
        }
        for (String figure : INFORMATIVE) {
            assertThat(table).as(figure).containsPattern(Pattern.compile("(?m)^" + Pattern.quote(figure) + " +[0-9.,]+ \\S+"));
        }
        assertThat(table).doesNotContain("n/a").doesNotContain("INCONSISTENT");
        assertThat(err.toString()).as("progress").contains("live projection of").contains("rebuild of");
        try (Stream<Path> left = Files.list(scratchParent)) {
            assertThat(left).as("what the bench left behind").isEmpty();
        }
    }
}
