package org.opennessledger.contracts.models;

import org.opennessledger.contracts.values.ClaimTarget;

/**
 * The family now counts {@code claimId} as the accepted claim for the target; {@code previousClaimId} may be null.
 * {@code claimSequence} is the {@link RecordAcceptedClaim#claimSequence()} that caused it (0 in events stored
 * before the field existed).
 */
public record AcceptedClaimRecorded(String modelId, ClaimTarget target, String claimId, String previousClaimId,
                                    long claimSequence) {
    public String targetKey() {
        return target.key();
    }
}
