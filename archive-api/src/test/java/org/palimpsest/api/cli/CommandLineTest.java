package org.palimpsest.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./palimpsest} as a person meets it: help and version print and exit, mistakes and failures are two lines and
 * a documented exit status, results alone on standard output, {@code import --json} for scripts, and a bench that
 * leaves nothing behind when it is stopped. Help and usage run in this JVM (they start nothing); everything that opens
 * an archive runs as a child process through the real entry point, as {@code ./palimpsest} runs it.
 */
class CommandLineTest {

    private static final List<String> COMMANDS = List.of("serve", "import", "export-log", "import-log", "verify", "bench",
            "users", "help");

    @TempDir
    Path dataDir;
    @TempDir
    Path files;

    private record Printed(int status, String out, String err) {
    }

    private static Printed inProcess(String... arguments) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = PalimpsestCommand.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute(arguments);
        return new Printed(status, out.toString(), err.toString());
    }

    @Test
    void helpListsEveryCommandOnceWithItsWholeDescriptionAndTheExitStatuses() {
        for (String[] asked : new String[][] {{"--help"}, {"-h"}, {"help"}}) {
            Printed help = inProcess(asked);
            String which = String.join(" ", asked);
            assertThat(help.status()).as(which).isZero();
            assertThat(help.err()).as(which).isEmpty();
            String listing = help.out().substring(help.out().indexOf("Commands:"), help.out().indexOf("Exit status:"));
            for (String command : COMMANDS) {
                assertThat(Pattern.compile("(?m)^  " + Pattern.quote(command) + " ").matcher(help.out()).results().count())
                        .as(which + ": lines naming " + command).isEqualTo(1);
            }
            // Each description whole, however the terminal width wrapped it.
            assertThat(listing.replaceAll("\\s+", " ")).contains("Measure the engine, projections, rebuild, HTTP, as-of "
                    + "reads and storage on a scratch archive, each beside the raw driver's rate from the same run.");
            assertThat(help.out()).contains("Exit status:", "  0   done", "  2   the command line is wrong",
                    "  3   the archive could not be opened");
        }
        Printed importHelp = inProcess("help", "import");
        assertThat(importHelp.status()).isZero();
        assertThat(importHelp.out()).startsWith("Usage: palimpsest import").contains("--json");
        Printed usersAddHelp = inProcess("users", "add", "--help");
        assertThat(usersAddHelp.status()).isZero();
        assertThat(usersAddHelp.out()).startsWith("Usage: palimpsest users add").contains("--role=ROLE");
    }

    @Test
    void mistakesAreTwoLinesSayingWhereTheUsageIsWithExitStatus2() {
        for (String[] wrong : new String[][] {{"frobnicate"}, {"import"}, {"import", "--nope", "x.md"}, {"users"},
                {"users", "adopt"}, {"bench", "--scale"}}) {
            Printed refused = inProcess(wrong);
            String which = String.join(" ", wrong);
            assertThat(refused.status()).as(which).isEqualTo(2);
            assertThat(refused.out()).as(which).isEmpty();
            assertThat(refused.err().lines().toList()).as(which).hasSize(2);
            assertThat(refused.err().lines().toList().get(1)).as(which).matches("Run 'palimpsest[a-z ]*--help' for its usage\\.");
        }
        assertThat(inProcess("frobnicate").err()).startsWith("palimpsest: 'frobnicate' is no command; the commands are serve,");
        assertThat(inProcess("import").err()).startsWith("palimpsest import: Missing required parameter");
    }

    @Test
    void withoutACommandOrWithOptionsOnlyTheServerRuns() {
        assertThat(PalimpsestCommand.withDefaultCommand(new String[0])).containsExactly("serve");
        assertThat(PalimpsestCommand.withDefaultCommand(new String[] {"--demo", "--server.port=8081"}))
                .containsExactly("serve", "--demo", "--server.port=8081");
        for (String own : new String[] {"--help", "-h", "--version", "-V"}) {
            assertThat(PalimpsestCommand.withDefaultCommand(new String[] {own})).containsExactly(own);
        }
        assertThat(PalimpsestCommand.withDefaultCommand(new String[] {"import", "a.md"})).containsExactly("import", "a.md");
    }

    @Test
    void versionAndHelpPrintAndExitWithoutStartingAServer() throws Exception {
        CommandProcess.Finished version = CommandProcess.run(dataDir, files, "--version");
        assertThat(version.status()).isZero();
        assertThat(version.out()).startsWith("palimpsest 0.1.0").contains("Java ");
        assertThat(version.err()).isEmpty();
        CommandProcess.Finished help = CommandProcess.run(dataDir, files, "-h");
        assertThat(help.status()).isZero();
        assertThat(help.out()).startsWith("Usage: palimpsest");
        try (Stream<Path> made = Files.list(dataDir)) {
            assertThat(made).as("no archive was opened").isEmpty();
        }
    }

    @Test
    void resultsAloneGoToStandardOutputAndImportJsonListsTheIdsCreated() throws Exception {
        CommandProcess.Finished added = CommandProcess.run(dataDir, files, "users", "add", "mara", "--role", "editor");
        assertThat(added.status()).as(added.err()).isZero();
        assertThat(added.out().lines().toList()).hasSize(2);
        assertThat(added.out()).startsWith("added mara (editor)\npassword for mara (shown once, store it now): ");
        assertThat(added.err()).as("no banner, no framework logs").isEmpty();

        Path inbox = Files.createDirectory(files.resolve("inbox"));
        Files.writeString(inbox.resolve("harbour.md"), "---\ntitle: Harbour log\n---\n# Harbour log\n\nTwo ships came in.\n");
        Files.writeString(inbox.resolve("ferry.txt"), "The ferry ran late all winter.\n");
        Files.writeString(inbox.resolve("broken.md"), "---\ntitle: ok\nbad: [unclosed\n---\nbody\n");
        CommandProcess.Finished imported = CommandProcess.run(dataDir, files, "import", "--json", inbox.toString(),
                files.resolve("missing.md").toString());
        assertThat(imported.status()).as("some files failed; stderr:%n%s", imported.err()).isEqualTo(1);
        assertThat(imported.out().lines().toList()).as("one JSON object, nothing else").hasSize(1);
        JsonNode report = JsonMapper.builder().build().readTree(imported.out());
        assertThat(report.get("imported").asInt()).isEqualTo(2);
        assertThat(report.get("failed").asInt()).isEqualTo(2);
        assertThat(report.get("files")).hasSize(4);
        int created = 0;
        for (JsonNode file : report.get("files")) {
            String name = Path.of(file.get("file").asString()).getFileName().toString();
            switch (name) {
                case "harbour.md", "ferry.txt" -> {
                    assertThat(file.get("result").asString()).isEqualTo("imported");
                    assertThat(file.get("id").asString()).matches("[0-9a-f-]{36}");
                    assertThat(file.get("revision").asLong()).isZero();
                    created++;
                }
                case "broken.md" -> {
                    assertThat(file.get("result").asString()).isEqualTo("failed");
                    assertThat(file.get("line").asInt()).isBetween(3, 5);
                    assertThat(file.get("error").asString()).contains("front matter");
                }
                case "missing.md" -> assertThat(file.get("error").asString()).isEqualTo("no such file or folder");
                default -> throw new AssertionError("unexpected file " + name);
            }
        }
        assertThat(created).isEqualTo(2);
        assertThat(imported.err()).doesNotContain("Spring Boot").doesNotContain(" INFO ").doesNotContain("Exception");
    }

    @Test
    void aCommandOnAnArchiveInUseSaysSoInTwoLinesWithExitStatus3() throws Exception {
        // The server holds the store file locked, as this does.
        try (MVStore held = new MVStore.Builder().fileName(dataDir.resolve("palimpsest.mv.db").toString()).open()) {
            CommandProcess.Finished refused = CommandProcess.run(dataDir, files, "users", "list");
            assertThat(refused.status()).as(refused.err()).isEqualTo(3);
            assertThat(refused.out()).isEmpty();
            assertThat(refused.errLines()).hasSize(2);
            assertThat(refused.errLines().get(0)).startsWith("palimpsest users list: the archive's store ")
                    .endsWith("is in use by another Palimpsest process (the server?)");
            assertThat(refused.errLines().get(1)).startsWith("Stop that process first");
        }
    }

    @Test
    void benchDeletesItsScratchDirectoryAlsoWhenStopped() throws Exception {
        Path scratch = Files.createDirectory(files.resolve("scratch"));
        CommandProcess bench = CommandProcess.start(dataDir, files, "bench", "--scale", "0.01", "--scratch-in",
                scratch.toString());
        long deadline = System.nanoTime() + 180_000_000_000L;
        Pattern storeFile = Pattern.compile("\\.mv\\.db$");
        boolean writing = false;
        while (!writing && bench.alive() && System.nanoTime() < deadline) {
            try (Stream<Path> under = Files.walk(scratch)) {
                writing = under.anyMatch(path -> storeFile.matcher(path.toString()).find());
            }
            Thread.sleep(200);
        }
        assertThat(writing).as("the scratch archive's store appeared; stderr:%n%s", bench.errSoFar()).isTrue();

        CommandProcess.Finished stopped = bench.terminate();
        try (Stream<Path> left = Files.list(scratch)) {
            assertThat(left).as("left behind; stderr:%n%s", stopped.err()).isEmpty();
        }
        Matcher announced = Pattern.compile("scratch archive in (\\S+)").matcher(stopped.err());
        assertThat(announced.find()).isTrue();
        assertThat(Path.of(announced.group(1))).doesNotExist();
        assertThat(stopped.err()).as("a stop is no defect").doesNotContain("unexpected failure");
    }
}
