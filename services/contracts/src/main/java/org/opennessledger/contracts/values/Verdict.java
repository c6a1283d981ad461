package org.opennessledger.contracts.values;

import java.util.Arrays;
import java.util.Optional;

/** A reviewer's position on a claim. */
public enum Verdict {
    AGREE("agree"),
    DISAGREE("disagree");

    private final String id;

    Verdict(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<Verdict> fromId(String id) {
        return Arrays.stream(values()).filter(v -> v.id.equals(id)).findFirst();
    }
}
