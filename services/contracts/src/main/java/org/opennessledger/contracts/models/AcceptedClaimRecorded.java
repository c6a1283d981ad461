package org.opennessledger.contracts.models;

import org.opennessledger.contracts.values.ClaimTarget;

/** The family now counts {@code claimId} as the accepted claim for the target; {@code previousClaimId} may be null. */
public record AcceptedClaimRecorded(String modelId, ClaimTarget target, String claimId, String previousClaimId) {
    public String targetKey() {
        return target.key();
    }
}
