package org.palimpsest.api.document;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.palimpsest.api.PalimpsestProperties;
import org.palimpsest.archive.document.DocumentImporter;
import org.palimpsest.archive.document.ImportOutcome;
import org.palimpsest.archive.document.ImportRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Loads the bundled, self-written sample documents into an archive that has no events at all, so that a
 * first run has something to read. An archive with any history is left alone.
 */
@Component
class SampleDocuments implements ApplicationRunner {

    static final String ACTOR = "system:samples";
    private static final Logger log = LoggerFactory.getLogger(SampleDocuments.class);

    private final PalimpsestProperties properties;
    private final EventStorageEngine events;
    private final DocumentImporter importer;

    SampleDocuments(PalimpsestProperties properties, EventStorageEngine events, DocumentImporter importer) {
        this.properties = properties;
        this.events = events;
        this.importer = importer;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!properties.loadSamples()) {
            return;
        }
        if (events.readEvents(null, false).findFirst().isPresent()) {
            log.info("archive has history; bundled samples not loaded");
            return;
        }
        Resource[] samples = new PathMatchingResourcePatternResolver().getResources("classpath*:samples/*.*");
        Arrays.sort(samples, Comparator.comparing(r -> String.valueOf(r.getFilename())));
        int loaded = 0;
        for (Resource sample : samples) {
            String name = String.valueOf(sample.getFilename());
            if (name.equalsIgnoreCase("README.md")) {
                continue;
            }
            String text = sample.getContentAsString(StandardCharsets.UTF_8);
            ImportOutcome outcome = importer.importDocument(ImportRequest.ofText(text), ACTOR);
            log.info("sample {} -> document {}", name, outcome.documentId());
            loaded++;
        }
        log.info("empty archive: loaded {} bundled sample documents", loaded);
    }
}
