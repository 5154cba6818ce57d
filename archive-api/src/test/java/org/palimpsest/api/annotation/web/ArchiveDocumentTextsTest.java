package org.palimpsest.api.annotation.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.palimpsest.annotations.webannotation.DocumentTexts;
import org.palimpsest.archive.projection.reading.DocumentRevision;
import org.palimpsest.archive.projection.reading.FindReadingView;
import org.palimpsest.archive.projection.reading.FindRevision;
import org.palimpsest.archive.projection.reading.ReadingView;

/** Checking a selector against the current text reads the document once per request, an older revision twice. */
class ArchiveDocumentTextsTest {

    private final QueryGateway queries = mock(QueryGateway.class);
    private final ArchiveDocumentTexts texts = new ArchiveDocumentTexts(queries);

    ArchiveDocumentTextsTest() {
        ReadingView view = mock(ReadingView.class);
        when(view.revision()).thenReturn(2L);
        when(view.text()).thenReturn("the text as it is now");
        DocumentRevision first = mock(DocumentRevision.class);
        when(first.text()).thenReturn("the text as it was");
        when(queries.query(any(FindReadingView.class), any(ResponseType.class)))
                .thenReturn(CompletableFuture.completedFuture(Optional.of(view)));
        when(queries.query(any(FindRevision.class), any(ResponseType.class)))
                .thenReturn(CompletableFuture.completedFuture(Optional.of(first)));
    }

    @Test
    void theCurrentTextComesWithTheCurrentRevision() {
        DocumentTexts request = texts.forOneRequest();
        assertThat(request.currentRevision("doc-1")).isEqualTo(OptionalLong.of(2));
        assertThat(request.textAt("doc-1", 2)).contains("the text as it is now");
        verify(queries, times(1)).query(any(FindReadingView.class), any(ResponseType.class));
        verify(queries, never()).query(any(FindRevision.class), any(ResponseType.class));
    }

    @Test
    void anOlderRevisionIsReadAsBefore() {
        DocumentTexts request = texts.forOneRequest();
        assertThat(request.currentRevision("doc-1")).isEqualTo(OptionalLong.of(2));
        assertThat(request.textAt("doc-1", 0)).contains("the text as it was");
        verify(queries, times(1)).query(any(FindRevision.class), any(ResponseType.class));
    }

    @Test
    void aDocumentNotYetLookedUpIsReadFromItsRevisions() {
        assertThat(texts.forOneRequest().textAt("doc-1", 2)).contains("the text as it was");
        verify(queries, never()).query(any(FindReadingView.class), any(ResponseType.class));
    }
}
