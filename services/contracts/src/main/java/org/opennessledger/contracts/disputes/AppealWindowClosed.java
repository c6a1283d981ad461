package org.opennessledger.contracts.disputes;

import org.opennessledger.contracts.values.ClaimTarget;

/** Nobody appealed in time: the first-stage decision becomes final. */
public record AppealWindowClosed(String disputeId, String claimId, ClaimTarget target, DisputeDecision decision) {
}
