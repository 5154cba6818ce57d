package org.palimpsest.api.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.h2.mvstore.MVMap;
import org.jspecify.annotations.Nullable;

/**
 * mongo-java-server's H2 collection, testing a document against a query {@code {field: {$in: [...]}}} of plain values
 * by looking the field's value up in the set of the listed values. mongo-java-server's matcher compares the value with
 * each listed value in turn and normalizes both for every comparison, even for documents the unique index has just
 * found by those very values: for a tracking read's {@code $in} of 100 global indexes, some 5 000 comparisons per
 * batch, more than finding the documents cost.
 * <p>
 * The answer is the matcher's: for a plain value (a number, string, object id, UUID, boolean or date, not an array or
 * a document) and a list of plain values it matches when the value equals one listed value after both are normalized
 * by {@link KeyValue#normalized()}, which is what membership in the set of normalized values answers. Every other
 * query, and every other value, goes to the matcher.
 */
final class InSetCollection extends H2Collection {

    /**
     * The set of the query tested last. A query tests every document of its result in turn, and a collection answers
     * one command at a time, so one is enough.
     */
    private volatile InSet last = InSet.NONE;

    InSetCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                    MVMap<Object, Document> documents, MVMap<String, Object> meta, CursorRegistry cursors) {
        super(database, collectionName, options, documents, meta, cursors);
    }

    @Override
    protected boolean documentMatchesQuery(Document document, Document query) {
        InSet in = last;
        if (in.query != query) {
            in = InSet.of(query);
            last = in;
        }
        if (in.values != null) {
            Object value = document.get(in.field);
            if (isPlain(value)) {
                return in.values.contains(new KeyValue(value).normalized().get(0));
            }
        }
        return super.documentMatchesQuery(document, query);
    }

    private static boolean isPlain(@Nullable Object value) {
        return value != null && switch (IndexKeyOrder.Kind.of(value)) {
            case DOUBLE, LONG, INTEGER, STRING, OBJECT_ID, UUID, BOOLEAN, DATE -> true;
            default -> false;
        };
    }

    /**
     * The field and normalized values of a query {@code {field: {$in: [plain values]}}}; {@code values} is null for
     * any other query.
     */
    private record InSet(@Nullable Document query, String field, @Nullable Set<Object> values) {

        static final InSet NONE = new InSet(null, "", null);

        static InSet of(Document query) {
            if (query.size() != 1) {
                return new InSet(query, "", null);
            }
            Map.Entry<String, Object> condition = query.entrySet().iterator().next();
            String field = condition.getKey();
            boolean topLevelField = !field.isEmpty() && !field.startsWith("$") && field.indexOf('.') < 0;
            if (!topLevelField || !(condition.getValue() instanceof Document operator) || operator.size() != 1
                    || !(operator.get("$in") instanceof Collection<?> listed) || listed.isEmpty()
                    || !listed.stream().allMatch(InSetCollection::isPlain)) {
                return new InSet(query, field, null);
            }
            return new InSet(query, field, new HashSet<>(new KeyValue(listed).normalized().stream().toList()));
        }
    }
}
