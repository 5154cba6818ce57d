package org.palimpsest.archive.extraction;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The real corpus in {@code ../shared/corpus}, beside the repository. It is test material that must not
 * be copied into the project, so acceptance tests read it from there and skip when it is absent.
 * {@code -Dpalimpsest.corpus=DIR} points elsewhere.
 */
public final class SharedCorpus {

    private SharedCorpus() {
    }

    public static Optional<Path> directory() {
        String configured = System.getProperty("palimpsest.corpus");
        if (configured != null) {
            Path dir = Path.of(configured);
            return Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("corpus");
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The NFC-normalized text of corpus file {@code name}; skips the calling test when the corpus is absent. */
    public static String read(String name) {
        Optional<Path> dir = directory();
        assumeTrue(dir.isPresent(), "shared corpus not found beside the repository; skipping");
        Path file = dir.get().resolve(name);
        assumeTrue(Files.isRegularFile(file), "corpus file " + name + " absent; skipping");
        try {
            return org.palimpsest.archive.document.DocumentText.normalize(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
