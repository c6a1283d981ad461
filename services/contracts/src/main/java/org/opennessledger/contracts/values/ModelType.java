package org.opennessledger.contracts.values;

import java.util.Arrays;
import java.util.Optional;

/** What kind of output a model family produces, for finding and comparing like with like. */
public enum ModelType {
    TEXT("text"),
    CODE("code"),
    IMAGE("image"),
    AUDIO("audio"),
    VIDEO("video"),
    MULTIMODAL("multimodal"),
    OTHER("other");

    private final String id;

    ModelType(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<ModelType> fromId(String id) {
        return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
    }
}
