package org.opennessledger.contracts.models;

import org.opennessledger.contracts.values.AggregateCommand;
import org.opennessledger.contracts.values.ClaimTarget;

/**
 * Sent by the platform when an accepted claim loses its acceptance (rejected or reopened).
 * {@code claimSequence} is the sequence number of the claim event that caused it (see
 * {@link RecordAcceptedClaim}).
 */
public record WithdrawAcceptedClaim(String modelId, ClaimTarget target, String claimId, long claimSequence)
        implements AggregateCommand {
    @Override
    public String aggregateId() {
        return modelId;
    }
}
