package org.opennessledger.contracts.claims;

import org.opennessledger.contracts.values.ClaimStatus;
import org.opennessledger.contracts.values.ClaimTarget;

/** Changed reviews broke the consensus: the claim is PROPOSED again. */
public record ClaimReopened(String claimId, ClaimTarget target, String policyVersion, ClaimStatus previousStatus,
                            int agreeCount, int disagreeCount) {
}
