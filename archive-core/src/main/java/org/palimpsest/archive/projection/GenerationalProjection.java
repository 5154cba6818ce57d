package org.palimpsest.archive.projection;

import com.mongodb.client.MongoDatabase;
import java.util.List;
import java.util.function.Function;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.interceptors.MessageHandlerInterceptor;
import org.jspecify.annotations.Nullable;

/**
 * What every rebuildable projection shares, once: the generation of collections it reads and writes, adopting a
 * rebuilt generation in one step (blue/green, see {@code ProjectionRebuilds}), emptying its collections on a reset, and
 * holding each event's writes back to be flushed with its batch ({@link ProjectionWrites}). A subclass is the
 * projection's updater (its event handlers); its store {@code S} is opened per generation from the collections it
 * names, which is also how the collections to drop or empty are known.
 *
 * @param <S> the projection's store: its collections of one generation and how it reads and writes them
 */
public abstract class GenerationalProjection<S> implements Rebuildable {

    private record Opened<S>(StoreCollections collections, S store) {
    }

    private final MongoDatabase database;
    private final Function<StoreCollections, S> open;
    private final Generational<Opened<S>> generations;

    protected GenerationalProjection(MongoDatabase database, Generation generation, Function<StoreCollections, S> open) {
        this.database = database;
        this.open = open;
        this.generations = new Generational<>(generation, g -> {
            StoreCollections collections = new StoreCollections(database, g);
            return new Opened<>(collections, open.apply(collections));
        });
    }

    /** The store of the generation read now; after {@link #adopt} the rebuilt one. */
    public S store() {
        return generations.store().store();
    }

    protected MongoDatabase database() {
        return database;
    }

    @Override
    public Generation generation() {
        return generations.generation();
    }

    @Override
    @SuppressWarnings("unchecked")
    public void adopt(Rebuildable rebuilt) {
        generations.adopt(((GenerationalProjection<S>) rebuilt).generations);
    }

    @Override
    public List<String> collections(Generation of) {
        StoreCollections collections = new StoreCollections(database, of);
        open.apply(collections);
        return collections.opened().stream().map(KeyedCollection::name).toList();
    }

    @ResetHandler
    public void reset() {
        generations.store().collections().opened().forEach(KeyedCollection::clear);
    }

    /** Each event's writes join the batch only if its handler returns (a parked event leaves none behind). */
    @MessageHandlerInterceptor(messageType = EventMessage.class)
    @Nullable Object handleEvent(EventMessage<?> event, InterceptorChain chain) throws Exception {
        return ProjectionWrites.handleEvent(chain::proceed);
    }
}
