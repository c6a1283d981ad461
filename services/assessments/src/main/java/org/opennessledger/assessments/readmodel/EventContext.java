package org.opennessledger.assessments.readmodel;

import java.time.Instant;
import java.util.Objects;

/**
 * What the read models need to know about the message an event arrived in: its identity, its
 * place in the global stream (null when the processor does not track one), when it happened and
 * the who/why metadata it carried.
 */
public record EventContext(String eventId, Long position, Instant timestamp, String eventType, String actorId,
                           String actorRoles, String reason, String correlationId, boolean datedBySource) {

    public EventContext {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(eventType, "eventType");
    }
}
