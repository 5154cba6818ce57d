package org.palimpsest.api.config;

import java.util.List;
import org.axonframework.config.ConfigurerModule;
import org.palimpsest.annotations.projection.AnnotationProjection;
import org.palimpsest.archive.projection.ProjectionBatchFlush;
import org.palimpsest.archive.projection.reading.ReadingViewProjection;
import org.palimpsest.archive.projection.timeline.TimelineProjection;
import org.palimpsest.archive.projection.email.EmailProjection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The generational projections hold a batch's writes back and flush them with one bulk write per collection
 * ({@code ProjectionWrites}); their processors flush after the batch's last event, before the token is stored.
 */
@Configuration(proxyBeanMethods = false)
class ProjectionBatchConfiguration {

    /** The processing groups whose projections extend {@code GenerationalProjection}. */
    static final List<String> GENERATIONAL = List.of(ReadingViewProjection.PROCESSING_GROUP,
            AnnotationProjection.PROCESSING_GROUP, TimelineProjection.PROCESSING_GROUP, EmailProjection.PROCESSING_GROUP);

    @Bean
    ConfigurerModule flushProjectionBatches() {
        return configurer -> GENERATIONAL.forEach(group ->
                configurer.eventProcessing().registerHandlerInterceptor(group, c -> new ProjectionBatchFlush()));
    }
}
