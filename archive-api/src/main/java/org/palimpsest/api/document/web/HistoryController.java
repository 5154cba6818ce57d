package org.palimpsest.api.document.web;

import java.util.List;
import org.palimpsest.api.web.NotFoundException;
import org.palimpsest.archive.history.DocumentHistory;
import org.palimpsest.archive.history.HistoryEntry;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Who changed what in a document, when and why, with a diff link for every text change. */
@RestController
class HistoryController {

    private final DocumentHistory history;

    HistoryController(DocumentHistory history) {
        this.history = history;
    }

    @GetMapping("/api/documents/{documentId}/history")
    java.util.Map<String, Object> history(@PathVariable String documentId) {
        List<HistoryEntry> facts = history.of(documentId);
        if (facts.isEmpty()) {
            throw new NotFoundException("no document with id " + documentId);
        }
        List<java.util.Map<String, Object>> items = facts.stream().map(fact -> {
            java.util.Map<String, Object> item = new java.util.LinkedHashMap<>();
            item.put("sequence", fact.sequence());
            item.put("time", fact.time());
            item.put("type", fact.type());
            item.put("actor", fact.actor());
            item.put("correlationId", fact.correlationId());
            item.put("reason", fact.reason());
            item.put("revision", fact.revision());
            item.put("subjectId", fact.subjectId());
            item.put("summary", fact.summary());
            if (fact.revision() != null && fact.revision() > 0) {
                item.put("diff", "/api/documents/" + documentId + "/diff?from=" + (fact.revision() - 1) + "&to=" + fact.revision());
            }
            return item;
        }).toList();
        return java.util.Map.of("documentId", documentId, "items", items, "total", items.size());
    }
}
