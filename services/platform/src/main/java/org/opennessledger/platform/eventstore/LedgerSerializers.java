package org.opennessledger.platform.eventstore;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.json.JacksonSerializer;
import org.opennessledger.platform.eventstore.evolution.ClaimReviewedJustificationUpcaster;
import org.opennessledger.platform.eventstore.evolution.EventRevisions;

/**
 * JSON for everything stored: events and metadata as plain JSON of the contract records (readable
 * with any SQL client, stable across refactorings of the write side), snapshots as the aggregate's
 * fields.
 */
public final class LedgerSerializers {

    private LedgerSerializers() {
    }

    public static Serializer messages() {
        ObjectMapper mapper = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        return JacksonSerializer.builder().objectMapper(mapper).revisionResolver(new EventRevisions()).build();
    }

    /** The upcasters from every older revision of a stored event to its current one. */
    public static EventUpcasterChain upcasters() {
        return new EventUpcasterChain(new ClaimReviewedJustificationUpcaster());
    }

    /**
     * Aggregates keep their state in private fields without accessors, so snapshots serialize
     * fields; unknown fields are tolerated so that an old snapshot never blocks loading (the
     * snapshot is then simply refreshed by later events).
     */
    public static Serializer snapshots() {
        ObjectMapper mapper = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);
        return JacksonSerializer.builder().objectMapper(mapper).build();
    }
}
