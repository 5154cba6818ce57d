package org.palimpsest.api.embedded;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.BsonConstants;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The keys of a unique index's map: compared by {@link IndexKeyOrder}, without serializing them, and stored as BSON.
 * <p>
 * A key is written as the byte {@link BsonDocumentType#BSON_TAG} followed by a BSON document whose fields
 * {@code "0"}, {@code "1"}, ... are the key's values (the layout of a BSON array), some 15 to 40 bytes for the keys
 * the archive uses, where Java serialization took about 200. A key holding a value that BSON would not give back
 * exactly (a date finer than a millisecond, a string with a lone surrogate, a class BSON does not know) is written
 * in H2's own encoding instead, which never begins with that byte; reading tells the two apart by the first byte.
 */
final class IndexKeyType extends BasicDataType<KeyValue> {

    private final ObjectDataType serialized = new ObjectDataType();

    @Override
    public int compare(KeyValue a, KeyValue b) {
        return IndexKeyOrder.INSTANCE.compare(a, b);
    }

    @Override
    public void write(WriteBuffer buff, KeyValue key) {
        if (!key.stream().allMatch(IndexKeyType::bsonKeepsExactly)) {
            serialized.write(buff, key);
            return;
        }
        ByteBuf bson = Unpooled.buffer(16 + 16 * key.size());
        try {
            bson.writeIntLE(0);
            for (int i = 0; i < key.size(); i++) {
                Object value = key.get(i);
                byte type = BsonEncoder.determineType(value);
                bson.writeByte(type);
                bson.writeCharSequence(Integer.toString(i), StandardCharsets.US_ASCII);
                bson.writeByte(BsonConstants.STRING_TERMINATION);
                BsonEncoder.encodeValue(type, value, bson);
            }
            bson.writeByte(BsonConstants.TERMINATING_BYTE);
            bson.setIntLE(0, bson.writerIndex());
            buff.put(BsonDocumentType.BSON_TAG);
            buff.put(bson.array(), bson.arrayOffset(), bson.writerIndex());
        } finally {
            bson.release();
        }
    }

    @Override
    public KeyValue read(ByteBuffer buff) {
        if (buff.get(buff.position()) != BsonDocumentType.BSON_TAG) {
            return (KeyValue) serialized.read(buff);
        }
        int start = buff.position() + 1;
        int length = Integer.reverseBytes(buff.getInt(start));
        ByteBuf bson = buff.hasArray()
                ? Unpooled.wrappedBuffer(buff.array(), buff.arrayOffset() + start, length)
                : Unpooled.wrappedBuffer(buff.duplicate().position(start).limit(start + length));
        bson.skipBytes(4);
        List<Object> values = new ArrayList<>(2);
        for (byte type = bson.readByte(); type != BsonConstants.TERMINATING_BYTE; type = bson.readByte()) {
            bson.skipBytes(bson.bytesBefore(BsonConstants.STRING_TERMINATION) + 1);
            values.add(BsonDecoder.decodeValue(type, bson));
        }
        buff.position(start + length);
        return new KeyValue(values);
    }

    @Override
    public int getMemory(KeyValue key) {
        int size = 24;
        for (Object value : key) {
            size += 8 + BsonDocumentType.estimate(value);
        }
        return size;
    }

    @Override
    public KeyValue[] createStorage(int size) {
        return new KeyValue[size];
    }

    /** Whether BSON gives {@code value} back equal and of the same class, as mongo-java-server decodes it. */
    static boolean bsonKeepsExactly(Object value) {
        return switch (IndexKeyOrder.Kind.of(value)) {
            case NULL, DOUBLE, LONG, INTEGER, OBJECT_ID, UUID, LEGACY_UUID, BINARY, BOOLEAN, TIMESTAMP, DECIMAL, MIN_KEY,
                 MAX_KEY -> true;
            case STRING -> isWellFormed((String) value);
            case DATE -> isWholeMillisecond((Instant) value);
            case DOCUMENT -> ((Document) value).entrySet().stream().allMatch(IndexKeyType::bsonKeepsExactly);
            case LIST -> ((List<?>) value).stream().allMatch(IndexKeyType::bsonKeepsExactly);
            case MISSING, OTHER -> false;
        };
    }

    private static boolean bsonKeepsExactly(Map.Entry<String, Object> field) {
        return field.getKey().indexOf('\0') < 0 && isWellFormed(field.getKey()) && bsonKeepsExactly(field.getValue());
    }

    /** UTF-8 turns a lone surrogate into {@code '?'}. */
    private static boolean isWellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** BSON dates are milliseconds since the epoch. */
    private static boolean isWholeMillisecond(Instant instant) {
        return instant.getNano() % 1_000_000 == 0 && Math.abs(instant.getEpochSecond()) < Long.MAX_VALUE / 1_000 - 1;
    }
}
