package org.opennessledger.contracts.claims;

import java.util.List;
import org.opennessledger.contracts.values.ClaimTarget;
import org.opennessledger.contracts.values.Evidence;
import org.opennessledger.contracts.values.Openness;

/**
 * A new claim. {@code modelProducer} is the producer the model family was registered with (null in
 * events stored before it was recorded): producers of that organisation answer the claim, and may
 * not review or dispute it.
 */
public record ClaimProposed(String claimId, ClaimTarget target, Openness openness, String licence,
                            List<Evidence> evidence, String rationale, String authorId, String policyVersion,
                            String modelProducer) {
    public ClaimProposed {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /** A claim on a model whose producer is not recorded. */
    public ClaimProposed(String claimId, ClaimTarget target, Openness openness, String licence,
                         List<Evidence> evidence, String rationale, String authorId, String policyVersion) {
        this(claimId, target, openness, licence, evidence, rationale, authorId, policyVersion, null);
    }
}
