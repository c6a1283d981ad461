package org.opennessledger.contracts.models;

import org.opennessledger.contracts.values.AggregateCommand;

/** Register a model family such as "Llama 3". Any reviewer may do so. */
public record RegisterModelFamily(String modelId, String name, String producer, String description)
        implements AggregateCommand {
    @Override
    public String aggregateId() {
        return modelId;
    }
}
