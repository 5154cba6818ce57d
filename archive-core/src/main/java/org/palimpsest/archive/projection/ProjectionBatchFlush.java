package org.palimpsest.archive.projection;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Flushes a batch's projection writes after its last event is handled, before the unit of work commits. Register it
 * on every processor that feeds a {@link GenerationalProjection}. It must be this early: the processor stores its
 * token in the first phase of the commit, so a flush at commit would come after the token, and a crash between the
 * two would skip the batch. Flushed before, a crash only makes the batch come again, which the position guards make
 * harmless.
 */
public final class ProjectionBatchFlush implements MessageHandlerInterceptor<EventMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Object result = chain.proceed();
        if (!(unitOfWork.root() instanceof BatchingUnitOfWork<?> batch) || batch.isLastMessage()) {
            ProjectionWrites.flushCurrent();
        }
        return result;
    }
}
