package org.opennessledger.contracts.claims;

import java.util.List;
import org.opennessledger.contracts.values.ClaimTarget;
import org.opennessledger.contracts.values.Evidence;
import org.opennessledger.contracts.values.Openness;

public record ClaimProposed(String claimId, ClaimTarget target, Openness openness, String licence,
                            List<Evidence> evidence, String rationale, String authorId, String policyVersion) {
    public ClaimProposed {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
