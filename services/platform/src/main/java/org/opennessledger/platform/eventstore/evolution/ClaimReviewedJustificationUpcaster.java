package org.opennessledger.platform.eventstore.evolution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.opennessledger.contracts.claims.ClaimReviewed;

/**
 * ClaimReviewed revision 1 (stored without a revision) to 2: the reviewer's text was called
 * {@code reason}, which read like the request's reason every event carries in its metadata; it is
 * {@code justification} now. Stored rows are never rewritten (the audit chain covers them as they
 * are): old events are renamed as they are read.
 */
public final class ClaimReviewedJustificationUpcaster extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(ClaimReviewed.class.getName(), null);
    private static final SimpleSerializedType REVISION_2 =
            new SimpleSerializedType(ClaimReviewed.class.getName(), ClaimReviewed.REVISION);

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(REVISION_1);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, JsonNode.class, payload -> {
            ObjectNode renamed = ((ObjectNode) payload).deepCopy();
            JsonNode justification = renamed.remove("reason");
            renamed.set("justification", justification);
            return renamed;
        });
    }
}
