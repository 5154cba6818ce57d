package org.palimpsest.api.projection;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.palimpsest.archive.document.DocumentImported;
import org.palimpsest.archive.fix.TranslationFixProposed;
import org.palimpsest.archive.projection.timeline.TimelineProjection;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A test handler in the live {@code timeline} processing group that throws on the events a test poisons: imports by
 * title, fix proposals by reason. Everything else passes, so it is harmless to the rest of the integration suite;
 * a test lifts its poison when it is done and retries what was parked.
 */
@ProcessingGroup(TimelineProjection.PROCESSING_GROUP)
public final class PoisonedTimeline {

    private final Set<String> titles = ConcurrentHashMap.newKeySet();
    private final Set<String> reasons = ConcurrentHashMap.newKeySet();

    public void poisonImportTitled(String title) {
        titles.add(title);
    }

    public void poisonFixesBecause(String reason) {
        reasons.add(reason);
    }

    public void cure() {
        titles.clear();
        reasons.clear();
    }

    @EventHandler
    void on(DocumentImported event) {
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
