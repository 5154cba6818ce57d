package org.palimpsest.archive.serialization;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.palimpsest.archive.document.DocumentImported;
import org.palimpsest.archive.document.DocumentReimported;
import org.palimpsest.archive.document.DocumentSource;
import org.palimpsest.archive.fix.FixKind;
import org.palimpsest.archive.fix.FixReference;
import org.palimpsest.archive.fix.FixTarget;
import org.palimpsest.archive.fix.TextChange;
import org.palimpsest.archive.fix.TranslationFixAccepted;
import org.palimpsest.archive.fix.TranslationFixProposed;
import org.palimpsest.archive.fix.TranslationFixRejected;
import org.palimpsest.archive.fix.TranslationFixReverted;
import org.palimpsest.archive.user.PasswordChanged;
import org.palimpsest.archive.user.Role;
import org.palimpsest.archive.user.RoleGranted;
import org.palimpsest.archive.user.RoleRevoked;
import org.palimpsest.archive.user.UserAdded;

/**
 * Events are storage schema. Each event revision has a golden JSON file; the current class must write exactly
 * that JSON and read it back to an equal event. A change here without a new {@code @Revision} and an upcaster
 * would strand the events already stored. The event classes are discovered ({@link StoredEventTypes}), so a new
 * event fails here until it has a sample below and a golden file. Run with {@code -Dgolden.write=true} to create a
 * missing file, then review it.
 */
class GoldenEventJsonTest {

    private static final ObjectMapper JSON = ArchiveJson.objectMapper();
    private static final DocumentSource SOURCE =
            new DocumentSource("https://example.org/a", "Example Press", Instant.parse("2024-03-06T01:02:03Z"));
    private static final FixTarget TARGET = new FixTarget("bord", "the ", " met", 4, 8, 0L);

    /** One instance of each event, with values that exercise its JSON (non-BMP text, nulls, nested records). */
    private static final Map<Class<?>, Object> SAMPLES = Stream.of(
                    new DocumentImported("d1", SOURCE, "제목", "ko", "2024-03-06", "본문 𠮷", "sha256:ab", "editor"),
                    new DocumentReimported("d1", SOURCE, "제목", "ko", null, "새 본문", "sha256:cd", 1, "editor"),
                    new TranslationFixProposed("d1", "f1", TARGET, "board", FixKind.TYPO, "spelling",
                            new FixReference("理事会", "ja"), "annotator"),
                    new TranslationFixAccepted("d1", "f1", new TextChange(4, "bord", "board"), 1, false, "editor", "ok"),
                    new TranslationFixRejected("d1", "f1", "editor", null),
                    new TranslationFixReverted("d1", "f1", new TextChange(4, "board", "bord"), 2, "editor", "undo"),
                    new UserAdded("mara", java.util.List.of(Role.EDITOR, Role.AUDITOR), "system:first-run"),
                    new RoleGranted("mara", Role.ADMIN, "root", "runs the archive now"),
                    new RoleRevoked("mara", Role.EDITOR, "root", null),
                    new PasswordChanged("mara", "cli:operator"))
            .collect(Collectors.toMap(Object::getClass, Function.identity()));

    /** Discovered once: importing the compiled classes takes seconds. */
    private static final List<Class<?>> EVENT_CLASSES = StoredEventTypes.declaredIn("org.palimpsest.archive");

    static List<Class<?>> eventClasses() {
        return EVENT_CLASSES;
    }

    @Test
    void discoversTheStoredEventsAndOnlyThem() {
        // Guards the discovery itself: were it to find nothing, the parameterized test below would prove nothing.
        assertThat(eventClasses()).containsExactlyInAnyOrderElementsOf(SAMPLES.keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventClasses")
    void writesAndReadsItsGoldenJson(Class<?> eventClass) throws IOException {
        Revision revision = eventClass.getAnnotation(Revision.class);
        assertThat(revision).as("@Revision on %s: events are storage schema", eventClass.getName()).isNotNull();
        Object event = SAMPLES.get(eventClass);
        assertThat(event).as("a sample %s in GoldenEventJsonTest.SAMPLES", eventClass.getSimpleName()).isNotNull();
        String name = eventClass.getSimpleName() + "-r" + revision.value() + ".json";
        // Re-read from text so numbers compare by value, not by the node type Jackson happened to build.
        JsonNode written = JSON.readTree(JSON.writeValueAsString(event));
        JsonNode golden = golden(name, written);

        assertThat(written).isEqualTo(golden);
        assertThat(JSON.treeToValue(golden, eventClass)).isEqualTo(event);
    }

    private static JsonNode golden(String name, JsonNode written) throws IOException {
        try (InputStream in = GoldenEventJsonTest.class.getResourceAsStream("/golden-events/" + name)) {
            if (in != null) {
                return JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        if (Boolean.getBoolean("golden.write")) {
            Path file = Path.of("src/test/resources/golden-events", name);
            Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(written) + "\n");
            return written;
        }
        throw new AssertionError("no golden JSON for " + name + "; run once with -Dgolden.write=true and review the file");
    }
}
