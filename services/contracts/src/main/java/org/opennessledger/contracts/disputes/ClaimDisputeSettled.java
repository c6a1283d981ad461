package org.opennessledger.contracts.disputes;

import org.opennessledger.contracts.values.ClaimStatus;
import org.opennessledger.contracts.values.ClaimTarget;

/** The claim took a dispute decision into account; {@code finalDecision} closes the dispute on the claim. */
public record ClaimDisputeSettled(String claimId, ClaimTarget target, String disputeId, DisputeStage stage,
                                  DisputeDecision decision, ClaimStatus statusAfter, boolean finalDecision,
                                  long disputeSequence) {
}
