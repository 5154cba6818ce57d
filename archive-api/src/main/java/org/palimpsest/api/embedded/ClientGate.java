package org.palimpsest.api.embedded;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Serves only connections that present this process's secret, because mongo-java-server has no
 * authentication and its loopback port is open to every local user. The MongoDB driver sends the
 * connection string's {@code appName} in every connection's handshake; a connection whose handshake
 * carried the secret may run commands, any other gets error 13 (Unauthorized) on every command after the
 * handshake. This keeps other local processes out; it is not a defence against someone who can read this
 * process's memory or its data directory (ADR 4).
 */
final class ClientGate extends ForwardingMongoBackend {

    private static final AttributeKey<Boolean> ADMITTED = AttributeKey.valueOf("palimpsest.admitted");
    private static final int UNAUTHORIZED = 13;

    private final byte[] secret;

    ClientGate(MongoBackend delegate, String secret) {
        super(delegate);
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        admit(channel, command, query);
        return delegate.handleCommand(channel, database, command, query);
    }

    @Override
    public Document handleMessage(MongoMessage message) {
        admit(message.getChannel(), StoreCommands.name(message.getDocument()), message.getDocument());
        return delegate.handleMessage(message);
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        requireAdmitted(query.getChannel());
        return delegate.handleQuery(query);
    }

    private void admit(Channel channel, String command, Document body) {
        if (StoreCommands.isHandshake(command)) {
            if (presentsSecret(body)) {
                channel.attr(ADMITTED).set(Boolean.TRUE);
            }
            return;
        }
        requireAdmitted(channel);
    }

    private void requireAdmitted(Channel channel) {
        if (!Boolean.TRUE.equals(channel.attr(ADMITTED).get())) {
            throw new MongoServerError(UNAUTHORIZED, "Unauthorized",
                    "this embedded Palimpsest store serves only its own process; connect with the URI in"
                            + " <data dir>/" + EmbeddedMongoServer.URI_FILE);
        }
    }

    private boolean presentsSecret(Document handshake) {
        if (handshake.get("client") instanceof Document client
                && client.get("application") instanceof Document application
                && application.get("name") instanceof String name) {
            return MessageDigest.isEqual(secret, name.getBytes(StandardCharsets.UTF_8));
        }
        return false;
    }
}
