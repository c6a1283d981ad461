package org.opennessledger.contracts.claims;

import org.opennessledger.contracts.values.ClaimTarget;

/** Consensus reached: the claim is accepted under the named policy version. */
public record ClaimAccepted(String claimId, ClaimTarget target, String policyVersion,
                            int agreeCount, int disagreeCount) {
    public String targetKey() {
        return target.key();
    }
}
