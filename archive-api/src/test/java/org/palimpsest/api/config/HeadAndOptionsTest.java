package org.palimpsest.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.palimpsest.api.ArchiveIntegrationTest;

/**
 * HEAD and OPTIONS, the methods a rule written for GET or POST forgets: HEAD must be refused wherever GET is
 * (a 200 with Content-Length says the page exists and how long it is), and OPTIONS must not ask for credentials
 * on a path anyone may read.
 */
class HeadAndOptionsTest extends ArchiveIntegrationTest {

    @Test
    void headOfADocumentHistoryIsForAuditorsOnlyLikeItsGet() {
        String history = "/api/documents/no-such-document/history";
        for (String role : new String[] {"reader", "annotator", "editor"}) {
            assertThat(head(history, role).status()).as("HEAD as " + role).isEqualTo(403);
            assertThat(get(history, role).status()).as("GET as " + role).isEqualTo(403);
        }
        assertThat(send(request(history).method("HEAD", HttpRequest.BodyPublishers.noBody()).build()).status()).isEqualTo(401);
        assertThat(head(history, "auditor").status()).isNotIn(401, 403);
        assertThat(head(history, "admin").status()).isNotIn(401, 403);
    }

    @Test
    void anonymousHeadAndOptionsOnReadablePathsAnswerLikeGet() {
        assertThat(get("/api/documents").status()).isEqualTo(200);
        assertThat(send(request("/api/documents").method("HEAD", HttpRequest.BodyPublishers.noBody()).build()).status())
                .isEqualTo(200);
        Response options = send(request("/api/documents").method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
        assertThat(options.status()).isEqualTo(200);
        assertThat(options.header("Allow")).contains("GET").contains("POST");
    }

    private Response head(String path, String user) {
        return send(request(path, user).method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
    }
}
