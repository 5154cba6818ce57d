package org.palimpsest.api.embedded;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Map;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * Stores a collection's documents as BSON, the form they arrive in over the wire, instead of H2's default Java
 * serialization of mongo-java-server's {@code Document} maps (which repeats class descriptors in every value and
 * takes about 1.7 times the BSON size). Values written before are read as they were: H2's own encoding never begins
 * with {@link #BSON_TAG}, so the first byte tells the two apart and an existing store needs no migration.
 */
final class BsonDocumentType extends BasicDataType<Document> {

    /** Marks a value stored as BSON: H2's {@link ObjectDataType} writes tags from 0 to 119 only. */
    static final byte BSON_TAG = (byte) 0xB5;

    private final ObjectDataType written = new ObjectDataType();

    @Override
    public void write(WriteBuffer buff, Document document) {
        ByteBuf bson = Unpooled.buffer();
        try {
            BsonEncoder.encodeDocument(document, bson);
            buff.put(BSON_TAG);
            buff.put(bson.array(), bson.arrayOffset() + bson.readerIndex(), bson.readableBytes());
        } finally {
            bson.release();
        }
    }

    @Override
    public Document read(ByteBuffer buff) {
        if (buff.get(buff.position()) != BSON_TAG) {
            return (Document) written.read(buff);
        }
        buff.get();
        int start = buff.position();
        int length = Integer.reverseBytes(buff.getInt(start));
        ByteBuf bson = buff.hasArray()
                ? Unpooled.wrappedBuffer(buff.array(), buff.arrayOffset() + start, length)
                : Unpooled.wrappedBuffer(buff.duplicate().position(start).limit(start + length));
        Document document = BsonDecoder.decodeBson(bson);
        buff.position(start + length);
        return document;
    }

    /** Decides when a page splits: close to the BSON size, so that a page holds as many documents as fit. */
    @Override
    public int getMemory(Document document) {
        return 16 + estimate(document);
    }

    /** Roughly the bytes {@code value} takes on the heap, for H2's page splits and cache. */
    static int estimate(Object value) {
        if (value instanceof String s) {
            return 8 + 2 * s.length();
        }
        if (value instanceof Map<?, ?> map) {
            int size = 8;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                size += 8 + entry.getKey().toString().length() + estimate(entry.getValue());
            }
            return size;
        }
        if (value instanceof Collection<?> list) {
            int size = 8;
            for (Object element : list) {
                size += 4 + estimate(element);
            }
            return size;
        }
        if (value instanceof byte[] bytes) {
            return 8 + bytes.length;
        }
        return 16;
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }
}
