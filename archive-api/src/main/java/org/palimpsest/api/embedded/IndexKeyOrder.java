package org.palimpsest.api.embedded;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.LegacyUUID;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The order of a unique index's keys in its map: a total order in which two keys are equal exactly when mongo-java-server
 * takes them for the same key ({@link KeyValue#equals}, values normalized by the index: numbers as {@code Double}, or
 * {@code Long} where a double cannot hold them). The index answers only equality, {@code $in} and full scans, so which
 * order it is does not show; what matters is that comparing the common values (numbers, strings, object ids, dates,
 * UUIDs) costs a few instructions. H2's default type Java-serialized both keys for every comparison, as
 * {@code KeyValue} is not {@link Comparable}.
 * <p>
 * Values of different kinds are ordered by kind and never equal, as {@code equals} has it ({@code 1.0} and a
 * {@code Long} that no double holds are two keys). Embedded documents compare field by field in their order, as
 * {@link Document#equals} and MongoDB do. A value of a class not listed in {@link Kind} is compared by class name and
 * then by its Java serialization, which is what H2 did for every key.
 */
final class IndexKeyOrder implements Comparator<KeyValue> {

    static final IndexKeyOrder INSTANCE = new IndexKeyOrder();

    private IndexKeyOrder() {
    }

    /** The kinds of value, in the order they sort in; {@link #OTHER} holds every class not named here. */
    enum Kind {
        NULL, MISSING, MIN_KEY, DOUBLE, LONG, INTEGER, STRING, DOCUMENT, LIST, BINARY, UUID, LEGACY_UUID, OBJECT_ID,
        BOOLEAN, DATE, TIMESTAMP, DECIMAL, MAX_KEY, OTHER;

        static Kind of(Object value) {
            if (value == null) {
                return NULL;
            }
            // Exact classes: a subclass may have an equals of its own, so it goes to OTHER.
            Class<?> type = value.getClass();
            if (type == Double.class) {
                return DOUBLE;
            }
            if (type == String.class) {
                return STRING;
            }
            if (type == Long.class) {
                return LONG;
            }
            if (type == ObjectId.class) {
                return OBJECT_ID;
            }
            if (type == Instant.class) {
                return DATE;
            }
            if (type == java.util.UUID.class) {
                return UUID;
            }
            if (type == Boolean.class) {
                return BOOLEAN;
            }
            if (type == Integer.class) {
                return INTEGER;
            }
            if (type == Document.class) {
                return DOCUMENT;
            }
            if (value instanceof List) {
                return LIST;
            }
            if (type == BinData.class) {
                return BINARY;
            }
            if (type == LegacyUUID.class) {
                return LEGACY_UUID;
            }
            if (type == BsonTimestamp.class) {
                return TIMESTAMP;
            }
            if (type == Decimal128.class) {
                return DECIMAL;
            }
            // Singletons without an equals of their own: every instance (a deserialized one too) is the same key.
            if (type == Missing.class) {
                return MISSING;
            }
            if (type == MinKey.class) {
                return MIN_KEY;
            }
            if (type == MaxKey.class) {
                return MAX_KEY;
            }
            return OTHER;
        }
    }

    @Override
    public int compare(KeyValue a, KeyValue b) {
        if (a == b) {
            return 0;
        }
        int sizes = Integer.compare(a.size(), b.size());
        if (sizes != 0) {
            return sizes;
        }
        for (int i = 0; i < a.size(); i++) {
            int values = compareValues(a.get(i), b.get(i));
            if (values != 0) {
                return values;
            }
        }
        return 0;
    }

    static int compareValues(Object a, Object b) {
        if (a == b) {
            return 0;
        }
        Kind kind = Kind.of(a);
        int kinds = kind.compareTo(Kind.of(b));
        if (kinds != 0) {
            return kinds;
        }
        return switch (kind) {
            case NULL, MISSING, MIN_KEY, MAX_KEY -> 0;
            case DOUBLE -> Double.compare((Double) a, (Double) b);
            case LONG -> Long.compare((Long) a, (Long) b);
            case INTEGER -> Integer.compare((Integer) a, (Integer) b);
            case STRING -> ((String) a).compareTo((String) b);
            case DOCUMENT -> compareDocuments((Document) a, (Document) b);
            case LIST -> compareLists((List<?>) a, (List<?>) b);
            case BINARY -> ((BinData) a).compareTo((BinData) b);
            case UUID -> ((java.util.UUID) a).compareTo((java.util.UUID) b);
            case LEGACY_UUID -> ((LegacyUUID) a).compareTo((LegacyUUID) b);
            case OBJECT_ID -> ((ObjectId) a).compareTo((ObjectId) b);
            case BOOLEAN -> Boolean.compare((Boolean) a, (Boolean) b);
            case DATE -> ((Instant) a).compareTo((Instant) b);
            case TIMESTAMP -> ((BsonTimestamp) a).compareTo((BsonTimestamp) b);
            // Decimal128's compareTo says 1.0 = 1.00, its equals does not: order by its two words instead.
            case DECIMAL -> compareDecimals((Decimal128) a, (Decimal128) b);
            case OTHER -> compareOthers(a, b);
        };
    }

    private static int compareDocuments(Document a, Document b) {
        int sizes = Integer.compare(a.size(), b.size());
        if (sizes != 0) {
            return sizes;
        }
        Iterator<Map.Entry<String, Object>> left = a.entrySet().iterator();
        Iterator<Map.Entry<String, Object>> right = b.entrySet().iterator();
        while (left.hasNext()) {
            Map.Entry<String, Object> l = left.next();
            Map.Entry<String, Object> r = right.next();
            int names = l.getKey().compareTo(r.getKey());
            if (names != 0) {
                return names;
            }
            int values = compareValues(l.getValue(), r.getValue());
            if (values != 0) {
                return values;
            }
        }
        return 0;
    }

    private static int compareLists(List<?> a, List<?> b) {
        int sizes = Integer.compare(a.size(), b.size());
        if (sizes != 0) {
            return sizes;
        }
        for (int i = 0; i < a.size(); i++) {
            int values = compareValues(a.get(i), b.get(i));
            if (values != 0) {
                return values;
            }
        }
        return 0;
    }

    private static int compareDecimals(Decimal128 a, Decimal128 b) {
        int high = Long.compare(a.getHigh(), b.getHigh());
        return high != 0 ? high : Long.compare(a.getLow(), b.getLow());
    }

    private static int compareOthers(Object a, Object b) {
        int classes = a.getClass().getName().compareTo(b.getClass().getName());
        if (classes != 0) {
            return classes;
        }
        return Arrays.compareUnsigned(ObjectDataType.serialize(a), ObjectDataType.serialize(b));
    }
}
