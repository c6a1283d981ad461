package org.opennessledger.contracts.moderation;

import org.opennessledger.contracts.values.AggregateCommand;

/** A moderator shows hidden content again. */
public record UnhideContent(String claimId, String argumentId, String reason) implements AggregateCommand {
    @Override
    public String aggregateId() {
        return claimId;
    }
}
