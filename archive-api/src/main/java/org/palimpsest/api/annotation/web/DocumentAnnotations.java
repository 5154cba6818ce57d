package org.palimpsest.api.annotation.web;

import java.util.List;
import org.palimpsest.annotations.projection.AnchoredAnnotations;
import org.palimpsest.annotations.projection.AnchoredDocument;
import org.palimpsest.annotations.projection.CurrentText;
import org.palimpsest.api.web.AsOf;
import org.palimpsest.annotations.webannotation.WebAnnotationIris;
import org.springframework.stereotype.Component;

/**
 * The annotations a reading view shows: every live annotation on the document (neither deleted nor hidden), placed
 * in its current text, in reading order (orphans last), each with its thread of replies.
 */
@Component
public class DocumentAnnotations {

    private final AnnotationReads reads;
    private final PublicBaseUrl baseUrl;

    DocumentAnnotations(AnnotationReads reads, PublicBaseUrl baseUrl) {
        this.reads = reads;
        this.baseUrl = baseUrl;
    }

    /**
     * @param currentText     the document's text as the reading view shows it
     * @param currentRevision the revision that text is; when the annotations projection has not yet seen it (it
     *                        runs apart from the reading view), this waits for it, up to the read timeout
     */
    public List<DocumentAnnotation> forDocument(String documentId, String currentText, long currentRevision) {
        AnchoredAnnotations query = new AnchoredAnnotations(documentId, new CurrentText(currentText, currentRevision));
        AnchoredDocument anchored = reads.anchored(query);
        if (anchored.behind() && reads.caughtUpWith(documentId)) {
            anchored = reads.anchored(query);
        }
        WebAnnotationIris iris = new WebAnnotationIris(baseUrl.get());
        return anchored.annotations().stream().map(a -> DocumentAnnotation.of(a, iris)).toList();
    }

    /**
     * The annotations as they stood at {@code when}, in their versions current then, anchored to the text of
     * that time ({@code textThen} at {@code revisionThen}).
     */
    public List<DocumentAnnotation> forDocumentAsOf(String documentId, String textThen, long revisionThen, AsOf when) {
        AnchoredDocument anchored = reads.anchored(new AnchoredAnnotations(documentId,
                new CurrentText(textThen, revisionThen), when.position(), when.time()));
        WebAnnotationIris iris = new WebAnnotationIris(baseUrl.get());
        return anchored.annotations().stream().map(a -> DocumentAnnotation.of(a, iris)).toList();
    }

    /** Anchored to {@code currentText} taken as the latest revision the annotations projection has seen. */
    public List<DocumentAnnotation> forDocument(String documentId, String currentText) {
        return forDocument(documentId, currentText, CurrentText.LATEST_KNOWN);
    }
}
