package org.opennessledger.contracts.disputes;

import java.util.List;
import java.util.Set;
import org.opennessledger.contracts.values.ClaimStatus;
import org.opennessledger.contracts.values.ClaimTarget;
import org.opennessledger.contracts.values.Evidence;

/**
 * A dispute begins. It carries who is involved with the claim (its author and everyone who ever
 * reviewed it) because none of them may decide the dispute.
 */
public record DisputeOpened(String disputeId, String claimId, ClaimTarget target, ClaimStatus disputedStatus,
                            String disputerId, String reason, List<Evidence> evidence, String claimAuthorId,
                            Set<String> claimReviewerIds) {
    public DisputeOpened {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        claimReviewerIds = claimReviewerIds == null ? Set.of() : Set.copyOf(claimReviewerIds);
    }
}
