package org.opennessledger.contracts.values;

import java.util.Arrays;
import java.util.Optional;

/** Roles granted by the identity provider (Keycloak realm roles of the same name). */
public enum Role {
    REVIEWER("reviewer"),
    MODERATOR("moderator"),
    PRODUCER("producer"),
    ADMIN("admin"),
    /** Not a person: the platform's own processes (supersession, deadlines). */
    SYSTEM("system");

    private final String id;

    Role(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<Role> fromId(String id) {
        return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
    }
}
