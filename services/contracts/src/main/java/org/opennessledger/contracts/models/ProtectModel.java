package org.opennessledger.contracts.models;

import org.opennessledger.contracts.values.AggregateCommand;

/**
 * A moderator protects a model family: from then on only reviewers with enough accepted claims of
 * their own may propose claims about it (the threshold is the platform's setting at that moment).
 */
public record ProtectModel(String modelId, String reason) implements AggregateCommand {
    @Override
    public String aggregateId() {
        return modelId;
    }
}
