package org.opennessledger.contracts.views;

import java.time.Instant;

/** One item waiting for a moderator; {@code since} is when it entered its current state. */
public record ModerationQueueItemView(String kind, String id, String claimId, String modelId, String state,
                                      String ownerId, Instant openedAt, Instant since, long ageSeconds,
                                      String summary) {
}
