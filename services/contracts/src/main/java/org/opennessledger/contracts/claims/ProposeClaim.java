package org.opennessledger.contracts.claims;

import java.util.List;
import org.opennessledger.contracts.values.AggregateCommand;
import org.opennessledger.contracts.values.ClaimTarget;
import org.opennessledger.contracts.values.Evidence;
import org.opennessledger.contracts.values.Openness;

/**
 * Propose a claim. Addressed to the model family (it checks the target exists and creates the
 * claim), hence {@link #aggregateId()} is the model id. {@code licence} is an SPDX expression or
 * a catalogue id of a known AI licence; it may be null only for {@link Openness#NOT_APPLICABLE}
 * or {@link Openness#CLOSED}.
 */
public record ProposeClaim(String claimId, ClaimTarget target, Openness openness, String licence,
                           List<Evidence> evidence, String rationale) implements AggregateCommand {
    public ProposeClaim {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    @Override
    public String aggregateId() {
        return target.modelId();
    }
}
