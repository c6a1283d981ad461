package org.opennessledger.contracts.moderation;

import org.opennessledger.contracts.values.AggregateCommand;

/** A moderator closes the open flags on a claim or argument without hiding it. */
public record DismissFlags(String claimId, String argumentId, String reason) implements AggregateCommand {
    @Override
    public String aggregateId() {
        return claimId;
    }
}
