package org.palimpsest.api.projection;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.palimpsest.archive.document.DocumentImported;
import org.palimpsest.archive.fix.TranslationFixProposed;
import org.palimpsest.archive.projection.timeline.TimelineProjection;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A test handler in the live {@code timeline} processing group that throws on the events a test poisons: imports by
 * title, fix proposals by reason; or holds the processor on an import by title until the test releases it. Everything else passes, so it is harmless to the rest of the integration suite;
 * a test lifts its poison when it is done and retries what was parked.
 */
@ProcessingGroup(TimelineProjection.PROCESSING_GROUP)
public final class PoisonedTimeline {

    private final Set<String> titles = ConcurrentHashMap.newKeySet();
    private final Set<String> reasons = ConcurrentHashMap.newKeySet();
    private final Map<String, CountDownLatch> holds = new ConcurrentHashMap<>();
    private final Set<String> held = ConcurrentHashMap.newKeySet();

    public void poisonImportTitled(String title) {
        titles.add(title);
    }

    public void poisonFixesBecause(String reason) {
        reasons.add(reason);
    }

    /** Holds the timeline processor on the import titled {@code title} until {@link #release}d (at most a minute). */
    public void holdImportTitled(String title) {
        holds.put(title, new CountDownLatch(1));
    }

    /** Whether the timeline processor is held on the import titled {@code title} now. */
    public boolean holding(String title) {
        return held.contains(title);
    }

    public void release(String title) {
        CountDownLatch hold = holds.remove(title);
        if (hold != null) {
            hold.countDown();
        }
    }

    public void cure() {
        titles.clear();
        reasons.clear();
        holds.keySet().forEach(this::release);
    }

    @EventHandler
    void on(DocumentImported event) throws InterruptedException {
        CountDownLatch hold = holds.get(event.title());
        if (hold != null) {
            held.add(event.title());
            try {
                hold.await(1, TimeUnit.MINUTES);
            } finally {
                held.remove(event.title());
            }
        }
        if (titles.contains(event.title())) {
            throw new IllegalStateException("poisoned for the test: the import of " + event.title());
        }
    }

    @EventHandler
    void on(TranslationFixProposed event) {
        if (reasons.contains(event.reason())) {
            throw new IllegalStateException("poisoned for the test: a fix proposed because " + event.reason());
        }
    }

    /** Imported by the integration suite's base, so every test shares the one context. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean
        PoisonedTimeline poisonedTimeline() {
            return new PoisonedTimeline();
        }
    }
}
