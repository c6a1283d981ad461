package org.opennessledger.contracts.values;

import java.util.Arrays;
import java.util.Optional;

/** What an argument does in a claim's debate. */
public enum Stance {
    PRO("pro"),
    CON("con"),
    QUESTION("question");

    private final String id;

    Stance(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<Stance> fromId(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
    }
}
