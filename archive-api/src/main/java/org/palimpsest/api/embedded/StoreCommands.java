package org.palimpsest.api.embedded;

import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which wire-protocol commands only read. Everything else counts as a write, so a command this list does not
 * know is made durable rather than acknowledged from memory.
 */
final class StoreCommands {

    private static final Set<String> READS = Set.of(
            "find", "getmore", "count", "distinct", "listcollections", "listindexes", "listdatabases",
            "dbstats", "collstats", "validate", "ping", "ismaster", "hello", "buildinfo", "whatsmyuri",
            "serverstatus", "killcursors", "endsessions", "getlasterror", "getparameter", "hostinfo",
            "connectionstatus", "getcmdlineopts", "getlog", "explain");
    private static final Set<String> HANDSHAKES = Set.of("ismaster", "hello");
    private static final Set<String> DROPS = Set.of("drop", "dropdatabase");

    private StoreCommands() {
    }

    static String name(Document command) {
        return command.keySet().iterator().next();
    }

    static boolean isHandshake(String command) {
        return HANDSHAKES.contains(command.toLowerCase(Locale.ROOT));
    }

    /** Commands that free a whole collection or database at once. */
    static boolean drops(String command) {
        return DROPS.contains(command.toLowerCase(Locale.ROOT));
    }

    static boolean onlyReads(String command, Document body) {
        String name = command.toLowerCase(Locale.ROOT);
        if (name.equals("aggregate")) {
            return !writesOutput(body.get("pipeline"));
        }
        return READS.contains(name);
    }

    private static boolean writesOutput(Object pipeline) {
        if (!(pipeline instanceof List<?> stages)) {
            return false;
        }
        return stages.stream().anyMatch(stage -> stage instanceof Document d
                && (d.containsKey("$out") || d.containsKey("$merge")));
    }
}
