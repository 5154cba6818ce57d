package org.palimpsest.api.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoSocketReadException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.junit.jupiter.api.Test;

/** Which failures park an event and which stop the processor instead. */
class ParkingPolicyTest {

    private final ParkingPolicy policy = new ParkingPolicy();
    private final GenericDeadLetter<EventMessage<?>> letter =
            new GenericDeadLetter<>("document-1", GenericEventMessage.asEventMessage("payload"));

    @Test
    void parksAFaultOfTheEventOrItsHandler() {
        IllegalStateException fault = new IllegalStateException("cannot apply");
        EnqueueDecision<EventMessage<?>> decision = policy.decide(letter, fault);
        assertThat(decision.shouldEnqueue()).isTrue();
        assertThat(decision.enqueueCause()).hasValueSatisfying(cause -> assertThat(cause.getMessage()).contains("cannot apply"));
        assertThat(decision.withDiagnostics(letter).diagnostics().get(ParkingPolicy.RETRIES)).isEqualTo(0L);
    }

    @Test
    void letsAnUnreachableStoreStopTheProcessor() {
        MongoTimeoutException outage = new MongoTimeoutException("no server");
        assertThatThrownBy(() -> policy.decide(letter, outage)).isSameAs(outage);
        RuntimeException wrapped = new RuntimeException("write failed",
                new MongoSocketReadException("reset", new ServerAddress()));
        assertThatThrownBy(() -> policy.decide(letter, wrapped)).isSameAs(wrapped);
        assertThat(ParkingPolicy.storeUnavailable(new IllegalArgumentException("bad text"))).isFalse();
    }
}
