package org.palimpsest.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ImportCommandTest {

    @TempDir
    Path dataDir;
    @TempDir
    Path inbox;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private PrintStream originalOut;

    @BeforeEach
    void captureOutput() {
        originalOut = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setProperty("palimpsest.data-dir", dataDir.toString());
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        System.clearProperty("palimpsest.data-dir");
    }

    @Test
    void importsFoldersAndFilesReportingEachFailureWithoutStopping() throws Exception {
        Files.writeString(inbox.resolve("a.md"), "---\ntitle: A\n---\n# A\n\nFirst document.\n");
        Files.createDirectories(inbox.resolve("nested"));
        Files.writeString(inbox.resolve("nested/b.txt"), "두 번째 문서입니다.\n");
        Files.writeString(inbox.resolve("nested/broken.md"), "---\ntitle: ok\nbad: [unclosed\n---\nbody\n");
        Files.write(inbox.resolve("nested/latin1.txt"), new byte[] {'c', 'a', 'f', (byte) 0xE9});
        Files.writeString(inbox.resolve("ignored.pdf"), "not a document");
        Path single = Files.writeString(inbox.getParent().resolve(inbox.getFileName() + "-single.md"), "# Single\n\nAlone.\n");

        int status = new CommandLine(new ImportCommand()).execute(inbox.toString(), single.toString());

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(status).isEqualTo(1);
        assertThat(printed).contains("imported 3, re-imported 0, unchanged 0, failed 2");
        assertThat(printed).containsPattern("failed .*broken\\.md:[345]: front matter, line [345]");
        assertThat(printed).contains("latin1.txt: not valid UTF-8 text");

        out.reset();
        Files.delete(inbox.resolve("nested/broken.md"));
        Files.delete(inbox.resolve("nested/latin1.txt"));
        int again = new CommandLine(new ImportCommand()).execute(inbox.toString());

        assertThat(again).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("imported 0, re-imported 0, unchanged 2, failed 0");
        Files.deleteIfExists(single);
    }

    @Test
    void saysSoWhenThereIsNothingToImport() {
        int status = new CommandLine(new ImportCommand()).execute(inbox.toString());
        assertThat(status).isEqualTo(1);
    }
}
