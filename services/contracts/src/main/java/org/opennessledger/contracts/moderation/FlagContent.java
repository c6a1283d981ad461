package org.opennessledger.contracts.moderation;

import org.opennessledger.contracts.values.AggregateCommand;

/**
 * Anyone logged in asks moderators to look at a claim ({@code argumentId} null) or one of its
 * arguments. {@code flagId} is chosen by the caller (a UUID).
 */
public record FlagContent(String claimId, String argumentId, String flagId, FlagReason reason, String text)
        implements AggregateCommand {
    @Override
    public String aggregateId() {
        return claimId;
    }
}
