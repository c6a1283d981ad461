package org.opennessledger.contracts.views;

import java.time.Instant;

/**
 * One item waiting for a moderator; {@code since} is when it entered its current state. A flag
 * names the flagged argument in {@code argumentId} (null when the claim itself is flagged, and for
 * disputes), so that a moderator can act on it without reading the item's id.
 */
public record ModerationQueueItemView(String kind, String id, String claimId, String modelId, String state,
                                      String ownerId, Instant openedAt, Instant since, long ageSeconds,
                                      String summary, String argumentId) {

    /** An item about a claim as a whole (a dispute). */
    public ModerationQueueItemView(String kind, String id, String claimId, String modelId, String state,
                                   String ownerId, Instant openedAt, Instant since, long ageSeconds, String summary) {
        this(kind, id, claimId, modelId, state, ownerId, openedAt, since, ageSeconds, summary, null);
    }
}
