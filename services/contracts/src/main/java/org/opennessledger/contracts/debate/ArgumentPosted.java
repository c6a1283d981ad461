package org.opennessledger.contracts.debate;

import java.util.List;
import org.opennessledger.contracts.values.Evidence;
import org.opennessledger.contracts.values.Stance;

public record ArgumentPosted(String claimId, String argumentId, String parentArgumentId, Stance stance,
                             String text, List<Evidence> evidence, String authorId) {
    public ArgumentPosted {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
