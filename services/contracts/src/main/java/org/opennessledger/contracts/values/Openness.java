package org.opennessledger.contracts.values;

import java.util.Arrays;
import java.util.Optional;

/** What a claim says about one component of a release. */
public enum Openness {
    OPEN("open"),
    PARTIAL("partial"),
    CLOSED("closed"),
    NOT_APPLICABLE("not-applicable");

    private final String id;

    Openness(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<Openness> fromId(String id) {
        return Arrays.stream(values()).filter(o -> o.id.equals(id)).findFirst();
    }
}
