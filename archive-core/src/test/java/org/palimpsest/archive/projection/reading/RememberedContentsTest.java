package org.palimpsest.archive.projection.reading;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.bson.BsonReader;
import org.bson.BsonWriter;
import org.bson.codecs.Codec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.EncoderContext;
import org.bson.codecs.StringCodec;
import org.bson.codecs.configuration.CodecRegistries;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.palimpsest.archive.document.DocumentImported;
import org.palimpsest.archive.document.DocumentSource;
import org.palimpsest.archive.fix.FixKind;
import org.palimpsest.archive.fix.FixState;
import org.palimpsest.archive.fix.FixTarget;
import org.palimpsest.archive.fix.TextChange;
import org.palimpsest.archive.fix.TranslationFixAccepted;
import org.palimpsest.archive.fix.TranslationFixProposed;
import org.palimpsest.archive.fix.TranslationFixRejected;

/**
 * A view's parts that an event did not change are not encoded and hashed for the stores again, and a text made by a
 * fix is stored as the edit (counted on the codec of strings: neither the view now nor its versions carry the text),
 * while every version still reads back whole, and content the store no longer holds (after a reset) is put again.
 */
class RememberedContentsTest {

    private static final Instant T0 = Instant.parse("2025-06-01T08:00:00Z");
    private static final String TEXT = "# Lighthouse keeper's book\n\nThe lamp was lit at six. The keeper noted the gale.\n\n"
            + "- oil: two cans\n- wicks: trimmed\n";

    /** Encodes strings as usual, counting those equal to the one {@link #watch}ed since. */
    private static final class CountingStrings implements Codec<String> {
        private final StringCodec strings = new StringCodec();
        private final AtomicInteger encoded = new AtomicInteger();
        private volatile @Nullable String watched;

        void watch(String value) {
            watched = value;
            encoded.set(0);
        }

        @Override
        public void encode(BsonWriter writer, String value, EncoderContext context) {
            if (value.equals(watched)) {
                encoded.incrementAndGet();
            }
            strings.encode(writer, value, context);
        }

        @Override
        public String decode(BsonReader reader, DecoderContext context) {
            return strings.decode(reader, context);
        }

        @Override
        public Class<String> getEncoderClass() {
            return String.class;
        }
    }

    private MongoServer server;
    private MongoClient client;
    private final CountingStrings strings = new CountingStrings();
    private ReadingViewProjection projection;
    private ReadingViewQueries queries;

    @BeforeEach
    void start() {
        server = new MongoServer(H2Backend.inMemory());
        client = MongoClients.create(server.bindAndGetConnectionString());
        MongoDatabase plain = client.getDatabase("remembered_test");
        MongoDatabase counted = plain.withCodecRegistry(CodecRegistries.fromRegistries(
                CodecRegistries.fromCodecs(strings), plain.getCodecRegistry()));
        projection = new ReadingViewProjection(counted);
        queries = new ReadingViewQueries(projection);
        importText(1);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdown();
    }

    private void importText(long position) {
        projection.on(new DocumentImported("doc", new DocumentSource(null, null, T0), "Lighthouse", "en", null, TEXT,
                "hash", "editor"), T0.plusSeconds(position), new GlobalSequenceTrackingToken(position));
    }

    private void propose(String fixId, String exact, String replacement, long position) {
        projection.on(new TranslationFixProposed("doc", fixId, new FixTarget(exact, null, null, null, null, null),
                replacement, FixKind.TYPO, "keeper's spelling", null, "annotator"), T0.plusSeconds(position),
                new GlobalSequenceTrackingToken(position));
    }

    @Test
    void fixesProposedAndRejectedNeverEncodeTheUnchangedText() {
        strings.watch(TEXT);

        propose("f1", "gale", "storm", 2);
        propose("f2", "six", "seven", 3);
        projection.on(new TranslationFixRejected("doc", "f2", "editor", "six it was"), T0.plusSeconds(4),
                new GlobalSequenceTrackingToken(4));

        // The view now and its versions refer to the text stored at import.
        assertThat(strings.encoded).as("encodings of the text").hasValue(0);
        assertThat(queries.handle(new FindReadingViewAsOf("doc", 3L, null)).orElseThrow().fixes())
                .extracting(FixView::id).containsExactly("f1", "f2");
        assertThat(queries.handle(new FindReadingViewAsOf("doc", 4L, null)).orElseThrow().text()).isEqualTo(TEXT);
    }

    @Test
    void anAcceptedFixStoresItsNewTextAsTheEditWithoutEncodingIt() {
        propose("f1", "gale", "storm", 2);
        String fixed = TEXT.replace("gale", "storm");
        strings.watch(fixed);

        projection.on(new TranslationFixAccepted("doc", "f1", new TextChange(TEXT.indexOf("gale"), "gale", "storm"), 1,
                false, "editor", null), T0.plusSeconds(3), new GlobalSequenceTrackingToken(3));

        assertThat(strings.encoded).as("encodings of the new text").hasValue(0);
        assertThat(queries.handle(new FindRevision("doc", 1)).orElseThrow().text()).isEqualTo(fixed);
        ReadingView then = queries.handle(new FindReadingViewAsOf("doc", 3L, null)).orElseThrow();
        assertThat(then.text()).isEqualTo(fixed);
        assertThat(then.fixes()).extracting(FixView::state).containsExactly(FixState.ACCEPTED);
        assertThat(queries.handle(new FindReadingViewAsOf("doc", 2L, null)).orElseThrow().text()).isEqualTo(TEXT);
    }

    @Test
    void contentTheStoreNoLongerHoldsIsPutAgain() {
        propose("f1", "gale", "storm", 2);
        projection.reset();

        importText(1);
        propose("f1", "gale", "storm", 2);

        ReadingView imported = queries.handle(new FindReadingViewAsOf("doc", 1L, null)).orElseThrow();
        assertThat(imported.text()).isEqualTo(TEXT);
        assertThat(imported.segments()).isNotEmpty();
        assertThat(queries.handle(new FindReadingViewAsOf("doc", 2L, null)).orElseThrow().fixes()).hasSize(1);
        assertThat(queries.handle(new FindRevision("doc", 0)).orElseThrow().text()).isEqualTo(TEXT);
    }
}
