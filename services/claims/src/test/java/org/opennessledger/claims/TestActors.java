package org.opennessledger.claims;

import java.util.Map;
import org.opennessledger.contracts.values.LedgerMetaData;

/** Command metadata naming an actor, as the gateway or the platform would send it. */
public final class TestActors {

    private TestActors() {
    }

    public static Map<String, Object> as(String subject, String roles) {
        return Map.of(LedgerMetaData.ACTOR_ID, subject, LedgerMetaData.ACTOR_ROLES, roles,
                LedgerMetaData.REASON, "test");
    }

    public static Map<String, Object> reviewer(String subject) {
        return as(subject, "reviewer");
    }

    public static Map<String, Object> system() {
        return as("system", "system");
    }

    public static Map<String, Object> admin(String subject) {
        return as(subject, "admin");
    }
}
