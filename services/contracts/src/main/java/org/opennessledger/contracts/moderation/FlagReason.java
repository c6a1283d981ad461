package org.opennessledger.contracts.moderation;

import java.util.Arrays;
import java.util.Optional;

/** Why someone asks moderators to look at a claim or an argument. */
public enum FlagReason {
    SPAM("spam"),
    ABUSE("abuse"),
    OFF_TOPIC("off-topic"),
    MISLEADING("misleading"),
    PERSONAL_DATA("personal-data"),
    OTHER("other");

    private final String id;

    FlagReason(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<FlagReason> fromId(String id) {
        return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
    }
}
