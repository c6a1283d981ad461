package org.opennessledger.contracts.models;

import org.opennessledger.contracts.values.AggregateCommand;
import org.opennessledger.contracts.values.ModelType;

/** Register a model family such as "Llama 3". Any reviewer may do so. {@code modelType} may be null (not stated). */
public record RegisterModelFamily(String modelId, String name, String producer, String description,
                                  ModelType modelType) implements AggregateCommand {

    /** A family whose type is not stated. */
    public RegisterModelFamily(String modelId, String name, String producer, String description) {
        this(modelId, name, producer, description, null);
    }

    @Override
    public String aggregateId() {
        return modelId;
    }
}
