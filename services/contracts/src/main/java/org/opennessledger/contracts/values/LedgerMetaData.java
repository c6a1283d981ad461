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
    /**
     * When the change happened in the source it was imported from (ISO-8601 instant), for imports
     * that replay another index's history; read models date the change by it. Absent otherwise.
     */
    public static final String EFFECTIVE_AT = "effectiveAt";

    private LedgerMetaData() {
    }
}
