package org.palimpsest.api.fix.web;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.palimpsest.api.web.NotFoundException;
import org.palimpsest.archive.projection.reading.DocumentRevision;
import org.palimpsest.archive.projection.reading.FindRevision;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The text of any revision of a document, and what changed between two of them. */
@RestController
@RequestMapping("/api/documents/{documentId}")
class RevisionController {

    private final QueryGateway queries;

    RevisionController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/revisions/{revision}")
    DocumentRevision revision(@PathVariable String documentId, @PathVariable long revision) {
        return find(documentId, revision);
    }

    @GetMapping("/diff")
    TextDiff diff(@PathVariable String documentId, @RequestParam long from, @RequestParam long to) {
        return TextDiff.between(from, find(documentId, from).text(), to, find(documentId, to).text());
    }

    private DocumentRevision find(String documentId, long revision) {
        return queries.query(new FindRevision(documentId, revision), ResponseTypes.optionalInstanceOf(DocumentRevision.class))
                .join()
                .orElseThrow(() -> new NotFoundException("document " + documentId + " has no revision " + revision));
    }
}
