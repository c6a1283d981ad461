package org.opennessledger.platform.eventstore.evolution;

import java.util.Map;
import org.axonframework.serialization.RevisionResolver;
import org.opennessledger.contracts.claims.ClaimReviewed;

/**
 * The revision stored with each payload type. Kept here rather than as annotations so that the
 * contracts stay plain records; a type not listed is revision null (its first shape). Raising a
 * revision needs an upcaster from the one before (docs/event-evolution.md).
 */
public final class EventRevisions implements RevisionResolver {

    static final Map<Class<?>, String> REVISIONS = Map.of(ClaimReviewed.class, ClaimReviewed.REVISION);

    @Override
    public String revisionOf(Class<?> payloadType) {
        return REVISIONS.get(payloadType);
    }
}
