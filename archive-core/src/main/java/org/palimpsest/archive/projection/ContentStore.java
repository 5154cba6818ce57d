package org.palimpsest.archive.projection;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.bson.BsonDocument;
import org.bson.BsonDocumentReader;
import org.bson.BsonDocumentWriter;
import org.bson.BsonString;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.codecs.Codec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.EncoderContext;
import org.bson.codecs.configuration.CodecRegistry;

/**
 * Values stored once, under the SHA-256 of their BSON: a text, a list of segments, a derived record. Versions refer
 * to them by that hash, so a hundred versions of a view whose text did not change hold one copy of the text (ADR 10).
 * Content never changes under its hash, so writing it again is harmless and reading it needs no version.
 */
public final class ContentStore {

    private static final String VALUE = "value";

    private final KeyedCollection<BsonDocument> contents;
    private final CodecRegistry codecs;

    ContentStore(StoreCollections collections, String name, CodecRegistry codecs) {
        this.contents = collections.keyed(name, BsonDocument.class);
        this.codecs = codecs;
    }

    /** Stores {@code value} unless it is there already; returns its hash. */
    public <T> String put(T value, Class<T> type) {
        BsonDocument wrapped = wrap(value, type);
        String hash = hash(wrapped);
        if (!contents.contains(hash)) {
            BsonDocument stored = new BsonDocument("_id", new BsonString(hash));
            stored.put(VALUE, wrapped.get(VALUE));
            contents.put(hash, stored);
        }
        return hash;
    }

    /** The value stored under {@code hash}. */
    public <T> T get(String hash, Class<T> type) {
        BsonDocument stored = contents.find(hash).orElseThrow(() ->
                new IllegalStateException("content " + hash + " is missing from " + contents.name() + "; rebuild the projection"));
        return unwrap(stored, type);
    }

    /** The hash {@link #put} would store {@code value} under. */
    public <T> String hashOf(T value, Class<T> type) {
        return hash(wrap(value, type));
    }

    private <T> BsonDocument wrap(T value, Class<T> type) {
        Codec<T> codec = codecs.get(type);
        BsonDocument wrapped = new BsonDocument();
        try (BsonDocumentWriter writer = new BsonDocumentWriter(wrapped)) {
            writer.writeStartDocument();
            writer.writeName(VALUE);
            codec.encode(writer, value, EncoderContext.builder().build());
            writer.writeEndDocument();
        }
        return wrapped;
    }

    private <T> T unwrap(BsonDocument stored, Class<T> type) {
        BsonDocument wrapped = new BsonDocument(VALUE, stored.get(VALUE));
        try (BsonDocumentReader reader = new BsonDocumentReader(wrapped)) {
            reader.readStartDocument();
            reader.readName(VALUE);
            T value = codecs.get(type).decode(reader, DecoderContext.builder().build());
            reader.readEndDocument();
            return value;
        }
    }

    private static String hash(BsonDocument wrapped) {
        ByteBuffer bytes = new RawBsonDocument(wrapped, new BsonDocumentCodec()).getByteBuffer().asNIO();
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(bytes);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
