package org.opennessledger.contracts.views;

import java.time.Instant;
import java.util.List;
import org.opennessledger.contracts.values.Evidence;

/** A dispute with its whole course: opening, owners, decisions, appeal. */
public record DisputeView(String disputeId, String claimId, String modelId, String releaseId, String component,
                          String state, String disputedStatus, String disputerId, String reason,
                          List<Evidence> evidence, Instant openedAt, String ownerId, Instant ownedSince,
                          List<Decision> decisions, Appeal appeal, Instant appealableUntil, boolean closed) {

    public record Decision(String stage, String decision, String rationale, String moderatorId, Instant at,
                           boolean finalDecision) {
    }

    public record Appeal(String appellantId, String reason, Instant at) {
    }
}
