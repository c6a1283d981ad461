package org.opennessledger.contracts.models;

import org.opennessledger.contracts.values.ModelType;

/** A model family was registered; {@code modelType} is null when not stated (and in events stored before it existed). */
public record ModelFamilyRegistered(String modelId, String name, String producer, String description,
                                    String registeredBy, ModelType modelType) {

    /** A family whose type is not stated. */
    public ModelFamilyRegistered(String modelId, String name, String producer, String description,
                                 String registeredBy) {
        this(modelId, name, producer, description, registeredBy, null);
    }
}
