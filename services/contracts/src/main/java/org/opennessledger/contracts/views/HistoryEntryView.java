package org.opennessledger.contracts.views;

import java.time.Instant;

/**
 * One event as a timeline line: what happened ({@code eventType}, {@code summary}), who, when and
 * why. {@code position} orders entries globally (the event store's sequence).
 */
public record HistoryEntryView(long position, Instant at, String eventType, String summary,
                               String actorId, String actorRoles, String reason, String correlationId,
                               String modelId, String releaseId, String claimId) {
}
