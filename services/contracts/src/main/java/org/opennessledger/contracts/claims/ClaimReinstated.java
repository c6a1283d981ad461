package org.opennessledger.contracts.claims;

import org.opennessledger.contracts.values.ClaimTarget;

/**
 * A superseded claim is the accepted claim for its target again, because {@code replacedClaimId},
 * which had superseded it, lost its acceptance. Its status is ACCEPTED under the policy version it
 * was accepted with.
 */
public record ClaimReinstated(String claimId, ClaimTarget target, String replacedClaimId, String policyVersion) {
}
