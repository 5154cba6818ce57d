package org.palimpsest.annotations.webannotation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** A small fictional archive for the W3C mapping tests: one document with three revisions. */
final class Fixtures {

    static final String BASE = "https://archive.example/";
    static final String REVISION_0 = "Every spring the ferry to Lannis ran aground. The harbour master wrote it down in violet ink.";
    static final String REVISION_1 = "Every spring the ferry to Lannis ran aground. The harbour master wrote it down in green ink.";
    static final String REVISION_2 = "Note. " + REVISION_1;

    static final DocumentTexts DOCUMENTS = new DocumentTexts() {
        private final Map<String, List<String>> revisions = Map.of("doc-7", List.of(REVISION_0, REVISION_1, REVISION_2));

        @Override
        public OptionalLong currentRevision(String documentId) {
            List<String> texts = revisions.get(documentId);
            return texts == null ? OptionalLong.empty() : OptionalLong.of(texts.size() - 1);
        }

        @Override
        public Optional<String> textAt(String documentId, long revision) {
            List<String> texts = revisions.get(documentId);
            return texts == null || revision >= texts.size() ? Optional.empty() : Optional.of(texts.get((int) revision));
        }
    };

    static final WebAnnotationParser PARSER = new WebAnnotationParser(BASE, DOCUMENTS);

    private Fixtures() {
    }
}
