package org.palimpsest.api.config;

import com.mongodb.client.MongoDatabase;
import org.axonframework.config.ConfigurerModule;
import org.palimpsest.annotations.annotation.Annotation;
import org.palimpsest.annotations.projection.AnnotationConsistency;
import org.palimpsest.annotations.projection.AnnotationProjection;
import org.palimpsest.annotations.projection.AnnotationQueries;
import org.palimpsest.archive.projection.ProjectionGenerations;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The annotations feature on Axon: the event-sourced {@link Annotation} aggregate and its read model, which Axon
 * runs as the tracking processor {@code annotations} (its {@code @ProcessingGroup}).
 */
@Configuration(proxyBeanMethods = false)
class AnnotationConfiguration {

    @Bean
    ConfigurerModule annotationAggregate() {
        return configurer -> configurer.configureAggregate(Annotation.class);
    }

    @Bean
    AnnotationProjection annotationProjection(@Qualifier("projectionDatabase") MongoDatabase projectionDatabase, ProjectionGenerations generations) {
        return new AnnotationProjection(projectionDatabase, generations.current(AnnotationProjection.PROCESSING_GROUP));
    }

    /** The projection's queries, on whichever generation it reads. */
    @Bean
    AnnotationQueries annotationQueries(AnnotationProjection projection) {
        return new AnnotationQueries(projection);
    }

    @Bean
    AnnotationConsistency annotationConsistency(AnnotationProjection live) {
        return new AnnotationConsistency(live);
    }
}
