package org.opennessledger.contracts.annotations;

import java.util.Arrays;
import java.util.Optional;

/** Why an annotation was made: the W3C Web Annotation motivations that fit reviewing a document. */
public enum Motivation {
    ASSESSING("assessing"),
    CLASSIFYING("classifying"),
    COMMENTING("commenting"),
    DESCRIBING("describing"),
    HIGHLIGHTING("highlighting"),
    IDENTIFYING("identifying"),
    LINKING("linking"),
    QUESTIONING("questioning"),
    TAGGING("tagging");

    private final String id;

    Motivation(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<Motivation> byId(String id) {
        return Arrays.stream(values()).filter(motivation -> motivation.id.equals(id)).findFirst();
    }
}
