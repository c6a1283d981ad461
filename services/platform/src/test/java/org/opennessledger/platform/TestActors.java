package org.opennessledger.platform;

import java.util.UUID;
import org.axonframework.messaging.MetaData;
import org.opennessledger.contracts.values.LedgerMetaData;

/** Command metadata as the gateway would attach it, for tests that send commands in-process. */
public final class TestActors {

    private TestActors() {
    }

    /** Who ({@code subject}, with comma-separated {@code roles}), why ({@code reason}) and a fresh correlation id. */
    public static MetaData actor(String subject, String roles, String reason) {
        return MetaData.with(LedgerMetaData.ACTOR_ID, subject)
                .and(LedgerMetaData.ACTOR_ROLES, roles)
                .and(LedgerMetaData.REASON, reason)
                .and(LedgerMetaData.CORRELATION_ID, UUID.randomUUID().toString());
    }
}
