package org.palimpsest.archive.testing;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.BsonValue;

/**
 * An in-memory MongoDB server and a client that counts the commands it sends: by name ({@code find}), and by database,
 * collection and name ({@code batch_test.notes update}). Tests that promise a number of round trips assert on them.
 */
public final class CountedCommands implements AutoCloseable {

    private final MongoServer server = new MongoServer(H2Backend.inMemory());
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    private final MongoClient client;

    public CountedCommands() {
        CommandListener counting = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                String name = event.getCommandName();
                counts.computeIfAbsent(name, c -> new AtomicLong()).incrementAndGet();
                BsonValue target = event.getCommand().get(name);
                if (target != null && target.isString()) {
                    counts.computeIfAbsent(key(event.getDatabaseName(), target.asString().getValue(), name),
                            c -> new AtomicLong()).incrementAndGet();
                }
            }
        };
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(server.bindAndGetConnectionString()))
                .addCommandListener(counting).build());
    }

    public MongoClient client() {
        return client;
    }

    /** Commands counted so far under {@code key}: a command's name (to any collection), or a key of {@link #sentTo}. */
    public long count(String key) {
        AtomicLong counted = counts.get(key);
        return counted == null ? 0 : counted.get();
    }

    /** Commands of this name sent so far to one collection. */
    public long count(String database, String collection, String command) {
        return count(key(database, collection, command));
    }

    /** The {@code database.collection command} keys of every command of these names sent to a collection so far. */
    public List<String> sentTo(String database, List<String> commands) {
        return counts.keySet().stream()
                .filter(k -> k.startsWith(database + ".") && commands.stream().anyMatch(c -> k.endsWith(" " + c)))
                .sorted().toList();
    }

    /** Counts from now on only. */
    public void reset() {
        counts.clear();
    }

    @Override
    public void close() {
        client.close();
        server.shutdown();
    }

    private static String key(String database, String collection, String command) {
        return database + "." + collection + " " + command;
    }
}
