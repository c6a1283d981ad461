package org.opennessledger.contracts.models;

import org.opennessledger.contracts.values.AggregateCommand;
import org.opennessledger.contracts.values.ClaimTarget;

/**
 * Sent by the platform (not by people) when a claim is accepted: the family keeps the one
 * accepted claim per target, so that the previous one can be superseded.
 */
public record RecordAcceptedClaim(String modelId, ClaimTarget target, String claimId) implements AggregateCommand {
    @Override
    public String aggregateId() {
        return modelId;
    }
}
