package org.palimpsest.api.config;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;

/**
 * Counts the commands the gateway sends again, as {@value #METRIC} tagged with the command and the failure, so an
 * operator sees how often instances sharing one store race (and tests can prove a race happened). The delegate
 * decides whether and when to retry; this only counts the retries it schedules.
 */
final class CountedRetryScheduler implements RetryScheduler {

    static final String METRIC = "palimpsest.commands.retried";

    private final RetryScheduler delegate;
    private final MeterRegistry meters;

    CountedRetryScheduler(RetryScheduler delegate, MeterRegistry meters) {
        this.delegate = delegate;
        this.meters = meters;
    }

    @Override
    public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
                                 List<Class<? extends Throwable>[]> failures, Runnable commandDispatch) {
        boolean retrying = delegate.scheduleRetry(commandMessage, lastFailure, failures, commandDispatch);
        if (retrying) {
            meters.counter(METRIC, "command", commandMessage.getPayloadType().getSimpleName(),
                    "cause", lastFailure.getClass().getSimpleName()).increment();
        }
        return retrying;
    }
}
