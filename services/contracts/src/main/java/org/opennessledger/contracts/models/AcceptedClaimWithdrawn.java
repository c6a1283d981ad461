package org.opennessledger.contracts.models;

import org.opennessledger.contracts.values.ClaimTarget;

public record AcceptedClaimWithdrawn(String modelId, ClaimTarget target, String claimId) {
}
