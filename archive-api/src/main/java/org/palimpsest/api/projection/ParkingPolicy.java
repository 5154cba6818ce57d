package org.palimpsest.api.projection;

import com.mongodb.MongoException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoConnectionPoolClearedException;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * Decides what a projection does with an event its handler threw on. A fault of the event or of the code that
 * handles it (a bug, an analysis over its budget) parks the event and its document's later events, so every other
 * document keeps flowing. A fault of the store (unreachable, failing over) is not the event's: parking would set
 * aside every event that arrives during an outage, so it propagates instead and the processor stops and retries the
 * batch, as it did before there was a dead-letter queue.
 */
final class ParkingPolicy implements EnqueuePolicy<EventMessage<?>> {

    /** Diagnostics key: how many retries of the letter have failed. */
    static final String RETRIES = "retries";

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        boolean retrying = retrying();
        if (!retrying && storeUnavailable(cause)) {
            // Thrown out of the dead-lettering invoker to the processor, which rolls the batch back and backs off.
            // Not while retrying a letter: Axon treats a policy that throws there as "evict", so a letter retried
            // during an outage stays parked with the outage as its cause instead.
            throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
        }
        long retries = retries(letter) + (retrying ? 1 : 0);
        return Decisions.enqueue(ThrowableCause.truncated(cause), l -> l.diagnostics().and(RETRIES, retries));
    }

    static long retries(DeadLetter<?> letter) {
        Object value = letter.diagnostics().get(RETRIES);
        return value instanceof Number number ? number.longValue() : 0;
    }

    /** Axon retries a parked letter in a unit of work of its own that holds the letter as a resource. */
    private static boolean retrying() {
        return CurrentUnitOfWork.isStarted()
                && CurrentUnitOfWork.get().resources().containsKey(DeadLetter.class.getName());
    }

    static boolean storeUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof MongoSocketException || t instanceof MongoTimeoutException
                    || t instanceof MongoNotPrimaryException || t instanceof MongoNodeIsRecoveringException
                    || t instanceof MongoConnectionPoolClearedException
                    || (t instanceof MongoException mongo && mongo.hasErrorLabel(MongoException.TRANSIENT_TRANSACTION_ERROR_LABEL))) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
