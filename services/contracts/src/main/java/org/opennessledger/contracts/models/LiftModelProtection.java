package org.opennessledger.contracts.models;

import org.opennessledger.contracts.values.AggregateCommand;

/** A moderator lifts a model family's protection: any reviewer may propose claims about it again. */
public record LiftModelProtection(String modelId, String reason) implements AggregateCommand {
    @Override
    public String aggregateId() {
        return modelId;
    }
}
