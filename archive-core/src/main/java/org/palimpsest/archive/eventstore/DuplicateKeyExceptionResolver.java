package org.palimpsest.archive.eventstore;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoServerException;
import com.mongodb.MongoWriteException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;

/**
 * Recognises MongoDB duplicate-key errors (code 11000 and its relatives), so that Axon turns a clash on the unique
 * {@code aggregateSequenceKey} (aggregate and sequence number) or {@code eventIdentifier} index into an
 * {@link org.axonframework.modelling.command.AggregateStreamCreationException} or
 * {@link org.axonframework.modelling.command.ConcurrencyException}.
 * <p>
 * Despite its package, Axon's {@link PersistenceExceptionResolver} is the storage-neutral hook for this.
 */
public final class DuplicateKeyExceptionResolver implements PersistenceExceptionResolver {

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        return isDuplicateKey(exception);
    }

    /**
     * Whether {@code exception}, or any of its causes, reports a duplicate key: a single write error, any error of a
     * bulk write, or a failed command (such as an upserting {@code findAndModify}).
     */
    public static boolean isDuplicateKey(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof MongoBulkWriteException bulk
                    && bulk.getWriteErrors().stream()
                           .anyMatch(error -> error.getCategory() == ErrorCategory.DUPLICATE_KEY)) {
                return true;
            }
            if (cause instanceof MongoWriteException write
                    && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return true;
            }
            if (cause instanceof MongoServerException server
                    && ErrorCategory.fromErrorCode(server.getCode()) == ErrorCategory.DUPLICATE_KEY) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
