package org.opennessledger.contracts.claims;

import org.opennessledger.contracts.values.AggregateCommand;

/** Sent by the platform when a newer claim for the same target was accepted. */
public record SupersedeClaim(String claimId, String supersededBy) implements AggregateCommand {
    @Override
    public String aggregateId() {
        return claimId;
    }
}
