package org.opennessledger.contracts.moderation;

import org.opennessledger.contracts.values.ClaimTarget;

public record ContentUnhidden(String claimId, ClaimTarget target, String argumentId, String moderatorId,
                              String reason) {
}
