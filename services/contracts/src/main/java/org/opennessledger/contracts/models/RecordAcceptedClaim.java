package org.opennessledger.contracts.models;

import org.opennessledger.contracts.values.AggregateCommand;
import org.opennessledger.contracts.values.ClaimTarget;

/**
 * Sent by the platform (not by people) when a claim is accepted: the family keeps the one
 * accepted claim per target, so that the previous one can be superseded.
 * {@code claimSequence} is the sequence number of the claim's ClaimAccepted event: the family
 * ignores a command about a claim that is not newer than what it already saw of that claim, so a
 * replayed acceptance can never displace a later one.
 */
public record RecordAcceptedClaim(String modelId, ClaimTarget target, String claimId, long claimSequence)
        implements AggregateCommand {
    @Override
    public String aggregateId() {
        return modelId;
    }
}
