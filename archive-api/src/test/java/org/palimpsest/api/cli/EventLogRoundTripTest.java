package org.palimpsest.api.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoDatabase;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.palimpsest.api.PalimpsestApplication;
import org.palimpsest.api.web.ReadYourWrites;
import org.palimpsest.archive.document.DocumentImporter;
import org.palimpsest.archive.document.ImportOutcome;
import org.palimpsest.archive.document.ImportRequest;
import org.palimpsest.archive.fix.FixKind;
import org.palimpsest.archive.fix.FixProposal;
import org.palimpsest.archive.fix.FixTarget;
import org.palimpsest.archive.fix.ProposeFixes;
import org.palimpsest.archive.provenance.Actors;
import org.palimpsest.archive.history.EventLog;
import org.palimpsest.archive.history.EventLogException;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Backup and move: a log exported from one archive rebuilds identical views in another. */
class EventLogRoundTripTest {

    /**
     * The projections (the views now, what their versions refer to, and the texts they share), and the write side's
     * import keys, which a restore must bind again too.
     */
    private static final List<String> PROJECTIONS = List.of("reading_views", "reading_view_contents", "document_revisions",
            "timeline_documents", "timeline_entries_contents", "email_documents", "emails_contents", "document_texts",
            "document_import_keys");
    private static final String TEXT = "# Notes\n\n- **February 2018** — Dana Whitlok left the board.\n";

    @TempDir
    Path source;
    @TempDir
    Path target;
    @TempDir
    Path files;

    @Test
    void importingAnExportIntoAnEmptyStoreRebuildsIdenticalProjections() throws Exception {
        Path log = files.resolve("events.ndjson");
        Map<String, String> before;
        String imported;
        try (ConfigurableApplicationContext archive = start(source, true)) {
            String id = archive.getBean(DocumentImporter.class).importDocument(ImportRequest.ofText(TEXT), "editor").documentId();
            archive.getBean(CommandGateway.class).sendAndWait(Actors.command(new ProposeFixes(id, List.of(new FixProposal(
                    UUID.randomUUID().toString(), new FixTarget("Whitlok", null, null, null, null, null), "Whitlock",
                    FixKind.NAME, "spelling", null)), "editor", true, "ok"), "editor"));
            assertThat(archive.getBean(ReadYourWrites.class).await()).isTrue();
            before = hashes(archive.getBean(MongoDatabase.class));
            imported = id;
            try (Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
                // four bundled samples, one import, one fix proposed and accepted
                assertThat(archive.getBean(EventLog.class).export(out, n -> { })).isEqualTo(7);
            }
        }
        assertThat(Files.readAllLines(log).get(Files.readAllLines(log).size() - 1)).startsWith("{\"checksum\":\"sha256:");

        try (ConfigurableApplicationContext archive = start(target, false)) {
            assertThat(archive.getBean(EventLog.class).importFrom(log, n -> { })).isEqualTo(7);
            assertThat(archive.getBean(ReadYourWrites.class).await()).isTrue();
            assertThat(hashes(archive.getBean(MongoDatabase.class))).isEqualTo(before);
            ImportOutcome again = archive.getBean(DocumentImporter.class).importDocument(ImportRequest.ofText(TEXT), "editor");
            assertThat(again.documentId()).as("the restored archive knows the text it holds").isEqualTo(imported);
            assertThat(again.result()).isEqualTo(ImportOutcome.Result.UNCHANGED);
        }
    }

    @Test
    void aDamagedLogIsRefusedWithTheLineAndNothingIsWritten() throws Exception {
        Path log = files.resolve("events.ndjson");
        try (ConfigurableApplicationContext archive = start(source, true)) {
            try (Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
                archive.getBean(EventLog.class).export(out, n -> { });
            }
        }
        List<String> lines = Files.readAllLines(log);
        lines.set(1, lines.get(1).replace("\"sequence\":0", "\"sequence\":5"));
        assertThat(lines.get(1)).contains("\"sequence\":5");
        Files.write(log, lines);

        try (ConfigurableApplicationContext archive = start(target, false)) {
            assertThatThrownBy(() -> archive.getBean(EventLog.class).importFrom(log, n -> { }))
                    .isInstanceOf(EventLogException.class)
                    .hasMessageContaining("line " + lines.size())
                    .hasMessageContaining("checksum");
            assertThat(archive.getBean(MongoDatabase.class).getCollection("domain_events").countDocuments()).isZero();
        }
        try (ConfigurableApplicationContext archive = start(source, false)) {
            assertThatThrownBy(() -> archive.getBean(EventLog.class).importFrom(log, n -> { }))
                    .hasMessageContaining("empty store");
        }
    }

    /** A content hash per projection collection, records in key order. */
    private static Map<String, String> hashes(MongoDatabase database) throws Exception {
        Map<String, String> hashes = new LinkedHashMap<>();
        for (String name : PROJECTIONS) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Document record : database.getCollection(name).find().sort(new Document("_id", 1))) {
                digest.update(record.toJson().getBytes(StandardCharsets.UTF_8));
            }
            hashes.put(name, HexFormat.of().formatHex(digest.digest()));
        }
        return hashes;
    }

    private static ConfigurableApplicationContext start(Path dataDir, boolean samples) {
        return new SpringApplicationBuilder(PalimpsestApplication.class).web(WebApplicationType.NONE)
                .run("--palimpsest.data-dir=" + dataDir, "--palimpsest.samples=" + samples, "--spring.mongodb.uri=");
    }
}
