package org.palimpsest.archive.projection.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.palimpsest.archive.document.DocumentImported;
import org.palimpsest.archive.document.DocumentSource;
import org.palimpsest.archive.fix.TextChange;
import org.palimpsest.archive.fix.TranslationFixAccepted;

/** The emails as plain unit tests: {@code on(event)}, then {@code handle(query)}, on the embedded server. */
class EmailProjectionTest {

    private static final Instant T0 = Instant.parse("2025-05-02T09:00:00Z");
    private static final String TEXT = """
            The budget was discussed by mail.

            From: Dana Whitlock <dana@corvid.example>
            To: Minho Seo <minho@corvid.example>
            Date: 2019/03/11 8:05
            Subject: Budget

            The numbers are late again.
            """;

    private MongoServer server;
    private MongoClient client;
    private EmailProjection emails;
    private EmailQueries queries;

    @BeforeEach
    void start() {
        server = new MongoServer(H2Backend.inMemory());
        client = MongoClients.create(server.bindAndGetConnectionString());
        emails = new EmailProjection(client.getDatabase("email_test"), name -> Optional.empty());
        queries = new EmailQueries(emails);
        emails.on(new DocumentImported("doc", new DocumentSource(null, null, T0), "Budget", "en", null, TEXT,
                "hash", "editor"), T0, new GlobalSequenceTrackingToken(1));
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdown();
    }

    @Test
    void aQuotedEmailIsListedAndFoundByItsId() {
        EmailPage page = queries.handle(new ListEmails(null, null, null, 0, 10));

        assertThat(page.total()).isEqualTo(1);
        EmailMessage message = page.items().get(0);
        assertThat(queries.handle(new FindEmail(message.id(), null, null))).contains(message);
        assertThat(queries.handle(new ListEmails("minho", null, null, 0, 10)).total()).isEqualTo(1);
        assertThat(queries.handle(new ListEmails("nobody", null, null, 0, 10)).total()).isZero();
    }

    @Test
    void aFixThatRemovesTheHeaderRemovesTheEmailButNotAsOfBefore() {
        String header = TEXT.substring(TEXT.indexOf("From:"), TEXT.indexOf("The numbers"));
        emails.on(new TranslationFixAccepted("doc", "f1", new TextChange(TEXT.indexOf(header), header, ""), 1, false,
                "editor", null), T0.plusSeconds(5), new GlobalSequenceTrackingToken(2));

        assertThat(emails.renderings(null, null)).isEmpty();
        assertThat(emails.renderings(1L, null)).hasSize(1);
        assertThat(emails.renderings(2L, null)).isEmpty();
    }
}
