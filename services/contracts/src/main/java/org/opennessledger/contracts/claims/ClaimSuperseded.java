package org.opennessledger.contracts.claims;

import org.opennessledger.contracts.values.ClaimTarget;

public record ClaimSuperseded(String claimId, ClaimTarget target, String supersededBy, String reason) {
}
