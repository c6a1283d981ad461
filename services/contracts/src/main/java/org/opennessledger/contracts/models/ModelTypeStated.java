package org.opennessledger.contracts.models;

import org.opennessledger.contracts.values.ModelType;

/** A model family's type was stated; {@code previous} is what it was (null: not stated). */
public record ModelTypeStated(String modelId, ModelType modelType, ModelType previous) {
}
