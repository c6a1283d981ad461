package org.opennessledger.contracts.debate;

import java.util.List;
import org.opennessledger.contracts.values.ClaimTarget;
import org.opennessledger.contracts.values.Evidence;

/** The producer organisation's response to a claim, posted by {@code authorId} on its behalf. */
public record ProducerResponsePosted(String claimId, ClaimTarget target, String producerOrg, String authorId,
                                     String text, List<Evidence> evidence) {
    public ProducerResponsePosted {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
