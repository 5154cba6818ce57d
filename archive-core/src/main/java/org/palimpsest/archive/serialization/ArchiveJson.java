package org.palimpsest.archive.serialization;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * The single Jackson 2 configuration for everything Axon stores. Events are storage schema, so the
 * mapping must not depend on which application context happens to build the mapper.
 *
 * <p>Axon 4 is bound to Jackson 2 while Spring Boot 4 uses Jackson 3 for HTTP; the two never share a
 * mapper on purpose.
 */
public final class ArchiveJson {

    private ArchiveJson() {
    }

    /** A fresh mapper: ISO-8601 instants, unknown fields tolerated so that adding event fields stays compatible. */
    public static ObjectMapper objectMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(new Jdk8Module())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .build();
    }

    /** An Axon serializer on {@link #objectMapper()}, for events, snapshots and messages alike. */
    public static JacksonSerializer serializer() {
        return JacksonSerializer.builder()
                .objectMapper(objectMapper())
                .build();
    }
}
