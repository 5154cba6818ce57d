package org.palimpsest.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ./palimpsest users …} on the data directory of a stopped server. */
class UsersCommandTest {

    @TempDir
    Path dataDir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;
    private InputStream originalIn;

    @BeforeEach
    void capture() {
        originalOut = System.out;
        originalErr = System.err;
        originalIn = System.in;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        System.setProperty("palimpsest.data-dir", dataDir.toString());
        System.setProperty("spring.mongodb.uri", "");
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        System.setErr(originalErr);
        System.setIn(originalIn);
        System.clearProperty("palimpsest.data-dir");
        System.clearProperty("spring.mongodb.uri");
    }

    @Test
    void addsAccountsWithAGeneratedOrAGivenPasswordAndListsThem() {
        assertThat(users("add", "mara", "--role", "editor", "--role", "auditor")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).containsPattern("password for mara \\(shown once, store it now\\): [A-Za-z0-9_-]{24}");

        out.reset();
        System.setIn(new ByteArrayInputStream("a-password-from-stdin\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(users("add", "ines", "--role", "reader", "--password-stdin")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("added ines").doesNotContain("password for ines");

        assertThat(users("add", "mara", "--role", "reader")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("an account named 'mara' already exists");

        out.reset();
        assertThat(users("list")).isZero();
        // Standard output carries the listing and nothing else: no banner, no log lines.
        assertThat(out.toString(StandardCharsets.UTF_8).lines().map(l -> l.strip().replaceAll("\\s+", " ")).toList())
                .containsExactly("ines reader", "mara editor,auditor");
    }

    private int users(String... args) {
        return new CommandLine(new UsersCommand()).execute(args);
    }
}
