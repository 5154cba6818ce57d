package org.palimpsest.api.cli.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.palimpsest.annotations.anchoring.SelectorCheck;
import org.palimpsest.annotations.anchoring.TextQuoteSelector;
import org.palimpsest.annotations.annotation.Body;
import org.palimpsest.annotations.annotation.CreateAnnotation;
import org.palimpsest.annotations.annotation.DocumentTarget;
import org.palimpsest.annotations.annotation.Motivation;
import org.palimpsest.annotations.annotation.ReviseAnnotation;
import org.palimpsest.archive.document.DocumentImporter;
import org.palimpsest.archive.document.DocumentText;
import org.palimpsest.archive.document.ImportOutcome;
import org.palimpsest.archive.document.ImportRequest;
import org.palimpsest.archive.fix.AcceptFix;
import org.palimpsest.archive.fix.FixKind;
import org.palimpsest.archive.fix.FixProposal;
import org.palimpsest.archive.fix.FixTarget;
import org.palimpsest.archive.fix.ProposeFixes;
import org.palimpsest.archive.fix.RevertFix;
import org.palimpsest.archive.provenance.Actors;

/**
 * Writes the realistic mix through the archive's own command handling (not HTTP, so the rate of writing does not
 * limit it): imports of 6–60 KB documents in Korean, Japanese and English, annotation creations and edits on them,
 * and fix rounds (proposed, accepted, reverted).
 */
final class RealisticMix {

    private static final String ACTOR = "cli:bench";
    private static final int SMALLEST = 6_000;
    private static final int LARGEST = 60_000;

    /** What was written; {@code events} counts what the log received. */
    record Written(int imports, int annotations, int edits, int fixRounds, long events, long textBytes) {
    }

    private record Imported(String id, String text, int parts) {
    }

    private final DocumentImporter importer;
    private final CommandGateway commands;
    private final Processors processors;
    private final Progress progress;

    RealisticMix(DocumentImporter importer, CommandGateway commands, Processors processors, Progress progress) {
        this.importer = importer;
        this.commands = commands;
        this.processors = processors;
        this.progress = progress;
    }

    Written write(BenchScale scale, Random random) {
        long before = processors.head();
        List<Imported> documents = new ArrayList<>();
        long textBytes = 0;
        for (int n = 0; n < scale.mixImports(); n++) {
            MixtureText.Language language = MixtureText.Language.values()[n % 3];
            int bytes = SMALLEST + random.nextInt(LARGEST - SMALLEST + 1);
            String text = MixtureText.document(random, language, bytes, "mix " + n);
            ImportOutcome outcome = importer.importDocument(new ImportRequest(text, null, language.tag,
                    "https://example.org/bench/mix/" + n, "bench", null), ACTOR);
            String stored = DocumentText.normalize(text);
            documents.add(new Imported(outcome.documentId(), stored, parts(stored)));
            textBytes += text.getBytes(StandardCharsets.UTF_8).length;
            progress.count("imports", n + 1, scale.mixImports());
        }
        List<DocumentTarget> targets = new ArrayList<>();
        List<String> annotations = new ArrayList<>();
        for (int a = 0; a < scale.mixAnnotations(); a++) {
            Imported document = documents.get(random.nextInt(documents.size()));
            String quote = "[P" + (1 + random.nextInt(document.parts())) + "]";
            DocumentTarget target = new DocumentTarget(document.id(), 0, new TextQuoteSelector(quote, null, null), null)
                    .with(SelectorCheck.verify(document.text(), new TextQuoteSelector(quote, null, null), null));
            String id = UUID.randomUUID().toString();
            commands.sendAndWait(Actors.command(new CreateAnnotation(id, ACTOR, List.of(Motivation.COMMENTING),
                    List.of(Body.text("note " + a + ": " + MixtureText.sentence(random, MixtureText.Language.EN))),
                    target, null), ACTOR));
            annotations.add(id);
            targets.add(target);
            progress.count("annotation creations", a + 1, scale.mixAnnotations());
        }
        for (int e = 0; e < scale.mixEdits(); e++) {
            // Each edit revises a different annotation from version 1, so versions are known without reading back.
            int which = e % annotations.size();
            long version = 1 + e / annotations.size();
            commands.sendAndWait(Actors.command(new ReviseAnnotation(annotations.get(which), version, ACTOR, false,
                    List.of(Motivation.COMMENTING), List.of(Body.text("edited " + e + ": "
                    + MixtureText.sentence(random, MixtureText.Language.KO))), targets.get(which)), ACTOR));
            progress.count("annotation edits", e + 1, scale.mixEdits());
        }
        for (int f = 0; f < scale.mixFixRounds(); f++) {
            // A round leaves the text as it was, so the misspelt phrase is there again for the next round.
            String document = documents.get(random.nextInt(documents.size())).id();
            String fixId = UUID.randomUUID().toString();
            commands.sendAndWait(Actors.command(new ProposeFixes(document, List.of(new FixProposal(fixId,
                    new FixTarget(MixtureText.TYPO, null, null, null, null, null), MixtureText.CORRECTED, FixKind.TYPO,
                    "spelling", null)), ACTOR, false, null), ACTOR));
            commands.sendAndWait(Actors.command(new AcceptFix(document, fixId, ACTOR, null), ACTOR));
            commands.sendAndWait(Actors.command(new RevertFix(document, fixId, ACTOR, "checking the original"), ACTOR));
            progress.count("fix rounds (propose, accept, revert)", f + 1, scale.mixFixRounds());
        }
        return new Written(scale.mixImports(), scale.mixAnnotations(), scale.mixEdits(), scale.mixFixRounds(),
                processors.head() - before, textBytes);
    }

    /** The number of labelled parts, {@code [P1]} to {@code [Pn]}. */
    static int parts(String text) {
        int parts = 0;
        while (text.contains("[P" + (parts + 1) + "]")) {
            parts++;
        }
        return parts;
    }
}
