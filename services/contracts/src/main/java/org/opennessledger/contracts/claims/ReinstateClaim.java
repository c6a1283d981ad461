package org.opennessledger.contracts.claims;

import org.opennessledger.contracts.values.AggregateCommand;

/**
 * Sent by the platform when the claim that superseded this one lost its acceptance (rejected on
 * review or by a dispute decision, or reopened): the previous consensus comes back.
 */
public record ReinstateClaim(String claimId, String replacedClaimId) implements AggregateCommand {
    @Override
    public String aggregateId() {
        return claimId;
    }
}
