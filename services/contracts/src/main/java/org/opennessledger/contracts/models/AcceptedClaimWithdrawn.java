package org.opennessledger.contracts.models;

import org.opennessledger.contracts.values.ClaimTarget;

/**
 * The claim no longer counts as the accepted claim for the target. {@code claimSequence} is the
 * {@link WithdrawAcceptedClaim#claimSequence()} that caused it (0 in events stored before the field existed).
 * {@code reinstatedClaimId} is the claim the withdrawn one had superseded, which is the accepted
 * claim for the target again; null when there is none (or in events stored before the field existed).
 */
public record AcceptedClaimWithdrawn(String modelId, ClaimTarget target, String claimId, long claimSequence,
                                     String reinstatedClaimId) {
}
