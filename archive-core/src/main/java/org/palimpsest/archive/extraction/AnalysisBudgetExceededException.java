package org.palimpsest.archive.extraction;

import java.time.Duration;

/**
 * The analysis of one document's text ran past its {@link AnalysisBudget}. Thrown from inside the analyser, so
 * the event handler fails for this document only; a dead-letter queue parks the event on it.
 */
public class AnalysisBudgetExceededException extends RuntimeException {

    private final String analyser;
    private final String documentId;
    private final int textLength;
    private final Duration budget;

    AnalysisBudgetExceededException(String analyser, String documentId, int textLength, Duration budget) {
        super(analyser + " gave up on document " + documentId + " (" + textLength + " UTF-16 units of text) after its "
                + "analysis budget of " + budget.toMillis() + " ms (palimpsest.projection.analysis-budget); "
                + "the text is too large or too unusual for this analyser to finish in time");
        this.analyser = analyser;
        this.documentId = documentId;
        this.textLength = textLength;
        this.budget = budget;
    }

    public String analyser() {
        return analyser;
    }

    public String documentId() {
        return documentId;
    }

    public int textLength() {
        return textLength;
    }

    public Duration budget() {
        return budget;
    }
}
