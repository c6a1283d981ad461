package org.opennessledger.contracts.disputes;

import java.util.Arrays;
import java.util.Optional;

/** A moderator's ruling on a dispute: keep the claim's status, or flip it (ACCEPTED ⇄ REJECTED). */
public enum DisputeDecision {
    UPHOLD("uphold"),
    OVERTURN("overturn");

    private final String id;

    DisputeDecision(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<DisputeDecision> fromId(String id) {
        return Arrays.stream(values()).filter(d -> d.id.equals(id)).findFirst();
    }
}
