package org.palimpsest.archive.projection;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import com.mongodb.client.model.Filters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonDocumentReader;
import org.bson.BsonDocumentWriter;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.codecs.Codec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.EncoderContext;
import org.bson.codecs.StringCodec;
import org.bson.codecs.configuration.CodecRegistry;

/**
 * Values stored once, under the hash of their BSON: a list of segments, a chunk of derived records. Versions refer to
 * them by that hash, so a hundred versions of a view whose segments did not change hold one copy of them (ADR 10).
 * Content never changes under its hash, so writing it again is harmless and reading it needs no version.
 *
 * <p>The hash is the first 192 bits of the SHA-256, in base64url (32 characters): a chance of one collision in about
 * 2<sup>96</sup> values, and keys, references and the lists of chunk hashes half as long as the 64 hexadecimal digits
 * of the whole SHA-256, which values stored before are kept and referred to under.
 */
public final class ContentStore {

    private static final String VALUE = "value";
    /** Bytes of the SHA-256 a key keeps. */
    private static final int HASH_BYTES = 24;
    private static final Base64.Encoder KEY = Base64.getUrlEncoder().withoutPadding();
    /** Elements per chunk of a stored list. */
    static final int CHUNK = 8;

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

    /**
     * Whether content is stored under {@code hash}, or held back to be in this unit of work: for a caller that
     * remembers the hash of a value it put, so that putting it again costs no encoding and hashing.
     */
    public boolean holds(String hash) {
        return contents.contains(hash);
    }

    /** The value stored under {@code hash}. */
    public <T> T get(String hash, Class<T> type) {
        BsonDocument stored = contents.find(hash).orElseThrow(() ->
                new IllegalStateException("content " + hash + " is missing from " + contents.name() + "; rebuild the projection"));
        return unwrap(stored, type);
    }

    /** The hashes of a stored list's chunks, in order; stored as content itself, so an unchanged list costs nothing. */
    public record Chunks(List<String> hashes) {
    }

    /**
     * Stores {@code values} in chunks of {@value #CHUNK} at fixed positions, each chunk once by its hash, and the list
     * of their hashes by its own hash, which it returns. A list that changed in one element, or grew at its end,
     * shares every other chunk with the list it came from, so a version of a long list costs the chunk that changed
     * and the list of hashes; an unchanged list costs nothing.
     */
    public <T> String putList(List<T> values, Class<T> type) {
        return put(new Chunks(putChunks(values, type)), Chunks.class);
    }

    /** The list {@link #putList} stored under {@code hash}: two lookups, whatever its length. */
    public <T> List<T> getList(String hash, Class<T> type) {
        return getChunks(get(hash, Chunks.class).hashes(), type);
    }

    private <T> List<String> putChunks(List<T> values, Class<T> type) {
        Codec<T> codec = codecs.get(type);
        List<String> hashes = new ArrayList<>((values.size() + CHUNK - 1) / CHUNK);
        for (int from = 0; from < values.size(); from += CHUNK) {
            BsonArray chunk = new BsonArray();
            for (T value : values.subList(from, Math.min(values.size(), from + CHUNK))) {
                chunk.add(encode(value, codec));
            }
            BsonDocument wrapped = new BsonDocument(VALUE, chunk);
            String hash = hash(wrapped);
            if (!contents.contains(hash)) {
                BsonDocument stored = new BsonDocument("_id", new BsonString(hash));
                stored.put(VALUE, chunk);
                contents.put(hash, stored);
            }
            hashes.add(hash);
        }
        return hashes;
    }

    /** The chunks under {@code hashes}, in order: one {@code $in} on those not held back. */
    private <T> List<T> getChunks(List<String> hashes, Class<T> type) {
        return chunks(hashes, fetch(hashes), codecs.get(type));
    }

    /**
     * Reads values and lists at once: one {@code $in} for the values and the lists' hashes, one for all their chunks,
     * so an as-of read of a view costs two lookups for its contents, whatever their number.
     */
    public Read read(List<String> valueHashes, List<String> listHashes) {
        List<String> first = new ArrayList<>(valueHashes);
        first.addAll(listHashes);
        Map<String, BsonDocument> found = fetch(first);
        List<String> chunkHashes = new ArrayList<>();
        for (String list : listHashes) {
            chunkHashes.addAll(unwrap(present(found, list), Chunks.class).hashes());
        }
        found.putAll(fetch(chunkHashes));
        return new Read(found);
    }

    /** Values and lists read at once by {@link #read}. */
    public final class Read {

        private final Map<String, BsonDocument> found;

        private Read(Map<String, BsonDocument> found) {
            this.found = found;
        }

        public <T> T value(String hash, Class<T> type) {
            return unwrap(present(found, hash), type);
        }

        public <T> List<T> list(String hash, Class<T> type) {
            return chunks(unwrap(present(found, hash), Chunks.class).hashes(), found, codecs.get(type));
        }
    }

    /** The stored documents under {@code hashes}: those held back in this unit of work, then one {@code $in}. */
    private Map<String, BsonDocument> fetch(List<String> hashes) {
        Map<String, BsonDocument> found = new HashMap<>();
        List<String> unread = new ArrayList<>();
        for (String hash : new LinkedHashSet<>(hashes)) {
            contents.pending(hash).ifPresentOrElse(stored -> found.put(hash, stored), () -> unread.add(hash));
        }
        if (!unread.isEmpty()) {
            contents.committed().find(Filters.in("_id", unread)).forEach(d -> found.put(d.getString("_id").getValue(), d));
        }
        return found;
    }

    private BsonDocument present(Map<String, BsonDocument> found, String hash) {
        BsonDocument stored = found.get(hash);
        if (stored == null) {
            throw new IllegalStateException("content " + hash + " is missing from " + contents.name()
                    + "; rebuild the projection");
        }
        return stored;
    }

    private <T> List<T> chunks(List<String> hashes, Map<String, BsonDocument> found, Codec<T> codec) {
        List<T> values = new ArrayList<>();
        for (String hash : hashes) {
            for (BsonValue item : present(found, hash).getArray(VALUE)) {
                values.add(decode(item, codec));
            }
        }
        return values;
    }

    /** The hash {@link #put} would store {@code value} under. */
    public <T> String hashOf(T value, Class<T> type) {
        return hash(wrap(value, type));
    }

    /** The hash {@link #put} stores a text under, whatever the codecs; {@link TextStore} keys texts by it too. */
    static String textHash(String text) {
        return hash(wrap(text, new StringCodec()));
    }

    private <T> BsonDocument wrap(T value, Class<T> type) {
        return wrap(value, codecs.get(type));
    }

    /** {@code value} as the one field of a document: a codec writes values only inside one. */
    private static <T> BsonDocument wrap(T value, Codec<T> codec) {
        BsonDocument wrapped = new BsonDocument();
        try (BsonDocumentWriter writer = new BsonDocumentWriter(wrapped)) {
            writer.writeStartDocument();
            writer.writeName(VALUE);
            codec.encode(writer, value, EncoderContext.builder().build());
            writer.writeEndDocument();
        }
        return wrapped;
    }

    private static <T> BsonValue encode(T value, Codec<T> codec) {
        return wrap(value, codec).get(VALUE);
    }

    private static <T> T decode(BsonValue item, Codec<T> codec) {
        try (BsonDocumentReader reader = new BsonDocumentReader(new BsonDocument(VALUE, item))) {
            reader.readStartDocument();
            reader.readName(VALUE);
            T value = codec.decode(reader, DecoderContext.builder().build());
            reader.readEndDocument();
            return value;
        }
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
            return KEY.encodeToString(Arrays.copyOf(sha.digest(), HASH_BYTES));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
