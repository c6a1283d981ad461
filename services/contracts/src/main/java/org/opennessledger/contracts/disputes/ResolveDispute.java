package org.opennessledger.contracts.disputes;

import org.opennessledger.contracts.values.AggregateCommand;

/** The owning moderator decides, with a written rationale. */
public record ResolveDispute(String disputeId, DisputeDecision decision, String rationale)
        implements AggregateCommand {
    @Override
    public String aggregateId() {
        return disputeId;
    }
}
