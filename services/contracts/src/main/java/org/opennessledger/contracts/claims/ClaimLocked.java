package org.opennessledger.contracts.claims;

import org.opennessledger.contracts.values.ClaimStatus;
import org.opennessledger.contracts.values.ClaimTarget;

/** The lock period after the last status change elapsed: reviews can no longer change the status. */
public record ClaimLocked(String claimId, ClaimTarget target, ClaimStatus status, String policyVersion) {
}
