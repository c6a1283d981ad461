package org.opennessledger.contracts.claims;

import org.opennessledger.contracts.values.ClaimStatus;
import org.opennessledger.contracts.values.ClaimTarget;

/** The claim is final: its lock period elapsed, or a dispute about it was decided for good. Reviews can no longer change its status. */
public record ClaimLocked(String claimId, ClaimTarget target, ClaimStatus status, String policyVersion) {
}
