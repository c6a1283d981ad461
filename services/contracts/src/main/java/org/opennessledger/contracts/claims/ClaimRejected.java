package org.opennessledger.contracts.claims;

import org.opennessledger.contracts.values.ClaimTarget;

/** Consensus reached against the claim. {@code wasAccepted} tells whether it left the accepted state. */
public record ClaimRejected(String claimId, ClaimTarget target, String policyVersion,
                            int agreeCount, int disagreeCount, boolean wasAccepted) {
}
