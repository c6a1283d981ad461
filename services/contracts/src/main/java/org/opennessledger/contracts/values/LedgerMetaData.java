package org.opennessledger.contracts.values;

/**
 * Metadata keys every command carries and every event inherits: who, with which roles, and why.
 * The correlation id uses Axon's own key ("correlationId"), filled by its MessageOriginProvider.
 */
public final class LedgerMetaData {
    public static final String ACTOR_ID = "actorId";
    public static final String ACTOR_ROLES = "actorRoles";
    public static final String REASON = "reason";
    public static final String CORRELATION_ID = "correlationId";
    /** The producer organisation a producer's token names (absent for everyone else). */
    public static final String PRODUCER_ORG = "producerOrg";

    private LedgerMetaData() {
    }
}
