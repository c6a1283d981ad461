package org.opennessledger.contracts.models;

import org.opennessledger.contracts.values.AggregateCommand;
import org.opennessledger.contracts.values.ModelType;

/**
 * State (or correct) a model family's type. With {@code onlyIfUnstated} the command fills a missing
 * type and leaves a stated one alone (imports use it: a person's correction wins over a file).
 */
public record StateModelType(String modelId, ModelType modelType, boolean onlyIfUnstated) implements AggregateCommand {
    @Override
    public String aggregateId() {
        return modelId;
    }
}
