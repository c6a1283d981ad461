package org.opennessledger.contracts.disputes;

public record DisputeAppealed(String disputeId, String claimId, String appellantId, String reason,
                              String firstModeratorId) {
}
