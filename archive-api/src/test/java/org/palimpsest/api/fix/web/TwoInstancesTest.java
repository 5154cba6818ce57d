package org.palimpsest.api.fix.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.Registration;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.palimpsest.api.MongoUnderTest;
import org.palimpsest.api.PalimpsestApplication;
import org.palimpsest.api.web.ReadYourWrites;
import org.palimpsest.archive.document.DocumentImporter;
import org.palimpsest.archive.document.ImportRequest;
import org.palimpsest.archive.fix.AcceptFix;
import org.palimpsest.archive.fix.FixKind;
import org.palimpsest.archive.fix.FixProposal;
import org.palimpsest.archive.fix.FixTarget;
import org.palimpsest.archive.fix.ProposeFixes;
import org.palimpsest.archive.projection.reading.FindReadingView;
import org.palimpsest.archive.projection.reading.ReadingView;
import org.palimpsest.archive.provenance.Actors;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two archive instances on one MongoDB, as in production behind a load balancer: they share no lock, so
 * concurrent reviews of one document race on the event store's unique keys. The loser's command is retried
 * against the new state; no accepted fix is lost.
 */
class TwoInstancesTest {

    private static final String RETRIES = "palimpsest.commands.retried";
    private static final List<String> WORDS = IntStream.rangeClosed(1, 16)
            .mapToObj(i -> "w" + (char) ('a' + i) + "x").toList();

    private static ConfigurableApplicationContext instance(String database) {
        return new SpringApplicationBuilder(PalimpsestApplication.class).web(WebApplicationType.NONE)
                .run("--spring.mongodb.uri=" + MongoUnderTest.get().uri(database), "--palimpsest.samples=false");
    }

    @Test
    void concurrentAcceptsThroughTwoInstancesAreAllApplied() throws Exception {
        String database = "two_instances_" + UUID.randomUUID().toString().substring(0, 8);
        try (ConfigurableApplicationContext a = instance(database); ConfigurableApplicationContext b = instance(database)) {
            String id = a.getBean(DocumentImporter.class).importDocument(
                    ImportRequest.ofText(String.join(" ", WORDS) + " end"), "editor").documentId();
            List<FixProposal> proposals = new ArrayList<>();
            for (String word : WORDS) {
                proposals.add(new FixProposal(UUID.randomUUID().toString(), new FixTarget(word, null, " ", null, null, null),
                        word.toUpperCase(), FixKind.TYPO, "case", null));
            }
            a.getBean(CommandGateway.class).sendAndWait(Actors.command(new ProposeFixes(id, proposals, "ann", false, null), "ann"));

            // The rendezvous forces the race instead of hoping for it: each instance's first accept loads the document
            // and decides, then waits until the other instance's first accept has done the same. Both then append at
            // the same sequence number, and one of them must lose and be retried.
            CyclicBarrier bothDecided = new CyclicBarrier(2);
            Registration holdA = a.getBean(CommandBus.class).registerHandlerInterceptor(holdFirstAccept(bothDecided));
            Registration holdB = b.getBean(CommandBus.class).registerHandlerInterceptor(holdFirstAccept(bothDecided));
            ExecutorService pool = Executors.newFixedThreadPool(proposals.size());
            CountDownLatch start = new CountDownLatch(1);
            try {
                List<Future<Object>> results = new ArrayList<>();
                for (int i = 0; i < proposals.size(); i++) {
                    CommandGateway gateway = (i % 2 == 0 ? a : b).getBean(CommandGateway.class);
                    AcceptFix accept = new AcceptFix(id, proposals.get(i).fixId(), "editor", null);
                    results.add(pool.submit(() -> {
                        start.await();
                        return gateway.sendAndWait(Actors.command(accept, "editor"));
                    }));
                }
                start.countDown();
                for (Future<Object> result : results) {
                    result.get(60, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
                holdA.cancel();
                holdB.cancel();
            }

            double retried = retries(a) + retries(b);
            System.out.println("[two instances] accepts retried after losing a race: " + retried);
            assertThat(bothDecided.isBroken()).as("the rendezvous timed out").isFalse();
            assertThat(retried).as("accepts retried after losing the forced race").isGreaterThanOrEqualTo(1);
            a.getBean(ReadYourWrites.class).await();
            ReadingView view = a.getBean(QueryGateway.class)
                    .query(new FindReadingView(id), ResponseTypes.optionalInstanceOf(ReadingView.class)).join().orElseThrow();
            assertThat(view.revision()).isEqualTo(WORDS.size());
            assertThat(view.text()).isEqualTo(String.join(" ", WORDS).toUpperCase() + " end");
        }
    }

    /** Holds the first {@link AcceptFix} this instance handles, after its handler ran but before it commits. */
    private static MessageHandlerInterceptor<CommandMessage<?>> holdFirstAccept(CyclicBarrier bothDecided) {
        AtomicBoolean held = new AtomicBoolean();
        return (unitOfWork, chain) -> {
            Object result = chain.proceed();
            if (unitOfWork.getMessage().getPayload() instanceof AcceptFix && held.compareAndSet(false, true)) {
                bothDecided.await(30, TimeUnit.SECONDS);
            }
            return result;
        };
    }

    private static double retries(ConfigurableApplicationContext instance) {
        return instance.getBean(MeterRegistry.class).find(RETRIES).tag("command", AcceptFix.class.getSimpleName())
                .counters().stream().mapToDouble(Counter::count).sum();
    }
}
