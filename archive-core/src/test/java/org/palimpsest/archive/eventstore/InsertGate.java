package org.palimpsest.archive.eventstore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.BsonDocument;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Stops the append of one event between reserving its global index and inserting it, as a slow writer would: wrap
 * the engine's database with {@link #guard(MongoDatabase)}, wait for {@link #awaitHeld}, then {@link #open()}.
 */
final class InsertGate {

    private final String heldEventIdentifier;
    private final CountDownLatch held = new CountDownLatch(1);
    private final CountDownLatch opened = new CountDownLatch(1);

    InsertGate(String heldEventIdentifier) {
        this.heldEventIdentifier = heldEventIdentifier;
    }

    MongoDatabase guard(MongoDatabase database) {
        return proxy(MongoDatabase.class, database, (method, result) ->
                result instanceof MongoCollection<?> collection && method.getName().equals("getCollection")
                        ? guardInserts(collection)
                        : result);
    }

    void awaitHeld(Duration timeout) throws InterruptedException {
        if (!held.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("The gated insert was never attempted");
        }
    }

    void open() {
        opened.countDown();
    }

    private MongoCollection<?> guardInserts(MongoCollection<?> collection) {
        return proxy(MongoCollection.class, collection, (method, result) -> result, (method, args) -> {
            if (method.getName().equals("insertMany") && holdsGatedEvent(args[0])) {
                held.countDown();
                if (!opened.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("Gate never opened");
                }
            }
        });
    }

    private boolean holdsGatedEvent(Object documents) {
        return documents instanceof List<?> list && list.stream().anyMatch(
                document -> document instanceof BsonDocument bson
                        && heldEventIdentifier.equals(bson.getString("eventIdentifier").getValue()));
    }

    private interface ResultMapper {
        Object map(Method method, Object result);
    }

    private interface BeforeCall {
        void run(Method method, Object[] args) throws Exception;
    }

    private static <T> T proxy(Class<T> type, Object target, ResultMapper resultMapper) {
        return proxy(type, target, resultMapper, (method, args) -> {
        });
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Object target, ResultMapper resultMapper, BeforeCall beforeCall) {
        InvocationHandler handler = (proxy, method, args) -> {
            beforeCall.run(method, args);
            try {
                return resultMapper.map(method, method.invoke(target, args));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, handler);
    }
}
