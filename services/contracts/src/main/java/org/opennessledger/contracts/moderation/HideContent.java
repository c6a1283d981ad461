package org.opennessledger.contracts.moderation;

import org.opennessledger.contracts.values.AggregateCommand;

/** A moderator hides a claim ({@code argumentId} null) or an argument from public reads; nothing is deleted. */
public record HideContent(String claimId, String argumentId, String reason) implements AggregateCommand {
    @Override
    public String aggregateId() {
        return claimId;
    }
}
