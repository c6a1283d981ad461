package org.opennessledger.contracts.disputes;

/** {@code previousOwnerId} is null unless the dispute was taken over from another moderator. */
public record DisputeTaken(String disputeId, String claimId, String moderatorId, String previousOwnerId,
                           DisputeStage stage) {
}
