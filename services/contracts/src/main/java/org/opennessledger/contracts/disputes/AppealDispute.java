package org.opennessledger.contracts.disputes;

import org.opennessledger.contracts.values.AggregateCommand;

/** The claim's author or the disputer appeals a first-stage decision, once, within the window. */
public record AppealDispute(String disputeId, String reason) implements AggregateCommand {
    @Override
    public String aggregateId() {
        return disputeId;
    }
}
