package org.palimpsest.api.fix.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.commandhandling.gateway.CommandGateway;
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
import org.palimpsest.archive.provenance.Actors;
import org.palimpsest.archive.projection.reading.FindReadingView;
import org.palimpsest.archive.projection.reading.ReadingView;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two archive instances on one MongoDB, as in production behind a load balancer: they share no lock, so
 * concurrent reviews of one document race on the event store's unique keys. The loser's command is retried
 * against the new state; no accepted fix is lost.
 */
class TwoInstancesTest {

    private static final List<String> WORDS = java.util.stream.IntStream.rangeClosed(1, 16)
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

            // Count the gateway's retries: they show the race really happened (the assertion is the no-lost-update).
            ch.qos.logback.classic.Logger retryLog = (ch.qos.logback.classic.Logger)
                    org.slf4j.LoggerFactory.getLogger("org.axonframework.commandhandling.gateway");
            ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> retries =
                    new ch.qos.logback.core.read.ListAppender<>();
            retries.start();
            retryLog.addAppender(retries);
            retryLog.setLevel(ch.qos.logback.classic.Level.INFO);
            ExecutorService pool = Executors.newFixedThreadPool(proposals.size());
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
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
                    result.get();
                }
            } finally {
                pool.shutdownNow();
            }
            retryLog.detachAppender(retries);
            System.out.println("[two instances] commands retried after losing a race: "
                    + retries.list.stream().filter(e -> e.getFormattedMessage().contains("Will retry")).count());
            a.getBean(ReadYourWrites.class).await();
            ReadingView view = a.getBean(QueryGateway.class)
                    .query(new FindReadingView(id), ResponseTypes.optionalInstanceOf(ReadingView.class)).join().orElseThrow();
            assertThat(view.revision()).isEqualTo(WORDS.size());
            assertThat(view.text()).isEqualTo(String.join(" ", WORDS).toUpperCase() + " end");
        }
    }
}
