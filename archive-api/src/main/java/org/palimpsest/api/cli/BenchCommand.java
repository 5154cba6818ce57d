package org.palimpsest.api.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.palimpsest.api.cli.bench.Bench;
import org.palimpsest.api.cli.bench.BenchScale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench}: issue 11's figures from one run on a scratch archive, each beside the raw driver's rate measured in
 * the same run, as a ratio with PASS/FAIL against its target. Ratios are what to compare between machines.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure the engine, projections, rebuild, HTTP, as-of reads and storage on a scratch archive,",
                "each beside the raw driver's rate from the same run; the scratch directory is deleted afterwards.",
                "Exit status 0 when it ran (targets missed are printed as FAIL), 1 when the views disagreed with a replay."})
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--scale", defaultValue = "1",
            description = "fraction of issue 11's sizes, in (0, 1] (default ${DEFAULT-VALUE}: 20k/200k engine events, "
                    + "a mix of ~840 events, 100 HTTP imports, as-of at 10/1 000/10 000 versions)")
    double scale;

    @Option(names = "--scratch-in", defaultValue = "${sys:java.io.tmpdir}", paramLabel = "DIR",
            description = "where the scratch directory is made (default ${DEFAULT-VALUE})")
    Path scratchIn;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return new Bench(BenchScale.of(scale), scratchIn, out, err).run() ? 0 : 1;
    }
}
