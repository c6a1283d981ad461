package org.opennessledger.contracts.disputes;

import org.opennessledger.contracts.values.AggregateCommand;

/**
 * A moderator takes ownership. Taking a dispute another moderator owns must be explicit
 * ({@code takeOver}), and is recorded with the previous owner.
 */
public record TakeDispute(String disputeId, boolean takeOver) implements AggregateCommand {
    @Override
    public String aggregateId() {
        return disputeId;
    }
}
