package org.opennessledger.contracts.disputes;

import java.time.Instant;
import org.opennessledger.contracts.values.ClaimTarget;

/**
 * A decision. At the FIRST stage {@code appealableUntil} says until when the claim's author or
 * the disputer may appeal; at the APPEAL stage the decision is final ({@code finalDecision}) and there is none.
 */
public record DisputeResolved(String disputeId, String claimId, ClaimTarget target, DisputeStage stage,
                              DisputeDecision decision, String rationale, String moderatorId,
                              boolean finalDecision, Instant appealableUntil) {
}
