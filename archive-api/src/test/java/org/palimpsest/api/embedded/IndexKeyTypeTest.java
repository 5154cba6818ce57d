package org.palimpsest.api.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.LegacyUUID;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

/**
 * Properties of the unique-index key type over many random keys of mixed values: its order is a total order that
 * calls two keys equal exactly when {@code KeyValue.equals} does, and every key reads back equal to what was written.
 * Values come from small pools, so that equal keys built independently meet often.
 */
class IndexKeyTypeTest {

    private static final int KEYS = 600;

    private final IndexKeyType type = new IndexKeyType();

    @Test
    void theOrderIsTotalAndAgreesWithEquals() {
        List<KeyValue> keys = randomKeys(new Random(11), KEYS);
        long equalPairs = 0;
        for (KeyValue a : keys) {
            for (KeyValue b : keys) {
                int ab = type.compare(a, b);
                assertThat(Integer.signum(ab)).as("%s vs %s, both ways", a, b).isEqualTo(-Integer.signum(type.compare(b, a)));
                assertThat(ab == 0).as("%s vs %s: compare 0 exactly when equal", a, b).isEqualTo(a.equals(b));
                if (ab == 0 && a != b) {
                    equalPairs++;
                }
            }
        }
        assertThat(equalPairs).as("pairs of equal keys built apart").isGreaterThan(KEYS / 2);

        List<KeyValue> sorted = new ArrayList<>(keys);
        sorted.sort(type::compare);
        // Sorting only compares neighbours' regions; transitivity means every earlier key is at most every later one.
        for (int i = 0; i < sorted.size(); i++) {
            for (int j = i + 1; j < sorted.size(); j++) {
                assertThat(type.compare(sorted.get(i), sorted.get(j))).as("%s before %s", sorted.get(i), sorted.get(j))
                        .isLessThanOrEqualTo(0);
            }
        }
    }

    @Test
    void everyKindOfValueIsComparedAndEveryKeyReadsBackEqual() {
        List<KeyValue> keys = randomKeys(new Random(12), KEYS);
        Set<IndexKeyOrder.Kind> kinds = EnumSet.noneOf(IndexKeyOrder.Kind.class);
        keys.forEach(key -> key.forEach(value -> kinds.add(IndexKeyOrder.Kind.of(value))));
        assertThat(kinds).containsAll(EnumSet.complementOf(EnumSet.of(IndexKeyOrder.Kind.MISSING)));

        int asBson = 0;
        for (KeyValue key : keys) {
            WriteBuffer buffer = new WriteBuffer();
            type.write(buffer, key);
            ByteBuffer stored = buffer.getBuffer().flip();
            boolean bson = stored.get(0) == BsonDocumentType.BSON_TAG;
            assertThat(bson).as("written as BSON: %s", key).isEqualTo(key.stream().allMatch(IndexKeyType::bsonKeepsExactly));
            KeyValue read = type.read(stored);
            assertThat(sameValues(read.stream().toList(), key.stream().toList())).as("%s read back as %s", key, read).isTrue();
            assertThat(type.compare(read, key)).isZero();
            assertThat(stored.remaining()).isZero();
            asBson += bson ? 1 : 0;
        }
        assertThat(asBson).as("keys written as BSON").isBetween(KEYS / 3, KEYS - 10);
    }

    @Test
    void theKeysOfTheEventStoreTakeAFractionOfTheirJavaSerialization() {
        for (KeyValue key : List.of(new KeyValue(1234.0), new KeyValue("0f8fad5b-d9cb-469f-a165-70867728950e#12"),
                new KeyValue(new ObjectId("65f1a2b3c4d5e6f708192a3b")))) {
            WriteBuffer compact = new WriteBuffer();
            type.write(compact, key);
            WriteBuffer serialized = new WriteBuffer();
            new ObjectDataType().write(serialized, key);
            assertThat(compact.position()).as("%s", key).isLessThan(serialized.position() / 3);
        }
    }

    @Test
    void documentsAreEqualOnlyWithTheirFieldsInTheSameOrder() {
        KeyValue ab = new KeyValue(new Document("a", 1.0).append("b", 2.0));
        KeyValue ba = new KeyValue(new Document("b", 2.0).append("a", 1.0));
        assertThat(ab).isNotEqualTo(ba);
        assertThat(type.compare(ab, ba)).isNotZero();
        assertThat(type.compare(ab, new KeyValue(new Document("a", 1.0).append("b", 2.0)))).isZero();
    }

    /**
     * Equal and of the same classes, where MinKey and MaxKey count as equal to themselves: they have no equals, and
     * Java serialization gives back new instances.
     */
    private static boolean sameValues(Object read, Object written) {
        if (read == null || written == null) {
            return read == written;
        }
        if (read.getClass() != written.getClass()) {
            return false;
        }
        if (read instanceof MinKey || read instanceof MaxKey) {
            return true;
        }
        if (read instanceof Document document) {
            return new ArrayList<>(document.keySet()).equals(new ArrayList<>(((Document) written).keySet()))
                    && sameValues(new ArrayList<>(document.values()), new ArrayList<>(((Document) written).values()));
        }
        if (read instanceof List<?> list) {
            List<?> other = (List<?>) written;
            if (list.size() != other.size()) {
                return false;
            }
            for (int i = 0; i < list.size(); i++) {
                if (!sameValues(list.get(i), other.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return read.equals(written);
    }

    private static List<KeyValue> randomKeys(Random random, int count) {
        List<KeyValue> keys = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            List<Object> values = new ArrayList<>();
            int size = 1 + random.nextInt(3);
            for (int v = 0; v < size; v++) {
                values.add(randomValue(random, 2));
            }
            keys.add(new KeyValue(values));
        }
        return keys;
    }

    /** A value as the index holds it after normalization: numbers are doubles, or longs no double holds. */
    private static Object randomValue(Random random, int depth) {
        int pick = random.nextInt(4);
        return switch (random.nextInt(depth > 0 ? 21 : 19)) {
            case 0 -> null;
            case 1 -> new double[] {0.0, 1.0, -1.5, 1e300, Double.NaN, Double.POSITIVE_INFINITY, -0.0}[random.nextInt(7)];
            case 2 -> (1L << 60) + pick;
            case 3 -> Integer.valueOf(pick);
            case 4 -> new String[] {"", "a", "b", "aggregate#1", "본문", "本文", "😀x", "\ud800"}[random.nextInt(8)];
            case 5 -> random.nextBoolean();
            case 6 -> new ObjectId(String.format("%024x", pick));
            case 7 -> Instant.ofEpochMilli(1_700_000_000_000L + pick);
            case 8 -> Instant.ofEpochSecond(1_700_000_000L, 1_000 * pick + 1);
            case 9 -> new UUID(pick, -pick);
            case 10 -> new LegacyUUID(new UUID(-pick, pick));
            case 11 -> new BinData(new byte[] {(byte) pick, (byte) 0x80});
            case 12 -> new BsonTimestamp(pick * 1_000_000_007L);
            case 13 -> new Decimal128(new java.math.BigDecimal(pick == 0 ? "1.0" : pick == 1 ? "1.00" : "2." + pick));
            case 14 -> MinKey.getInstance();
            case 15 -> MaxKey.getInstance();
            // A class BSON does not know: compared and stored by its Java serialization.
            case 16 -> BigInteger.valueOf(pick);
            case 17 -> Long.valueOf(pick - 2);
            case 18 -> pick % 2 == 0 ? 2.0 : "2";
            case 19 -> new Document(pick % 2 == 0 ? "a" : "b", randomValue(random, depth - 1))
                    .append(pick < 2 ? "c" : "a", randomValue(random, depth - 1));
            default -> {
                List<Object> list = new ArrayList<>();
                for (int i = 0; i <= pick % 2; i++) {
                    list.add(randomValue(random, depth - 1));
                }
                yield list;
            }
        };
    }
}
