package org.opennessledger.contracts.models;

import java.util.List;
import org.opennessledger.contracts.values.AggregateCommand;
import org.opennessledger.contracts.values.ClaimTarget;
import org.opennessledger.contracts.values.Evidence;
import org.opennessledger.contracts.values.Openness;

/**
 * An importer records a fact from another index as an accepted claim, under an explicit import
 * policy ({@code importPolicy}, e.g. "import:osai-index/1"). {@code source} names where it came
 * from (file, commit). Addressed to the family, which creates the claim unless the same fact is
 * already the one it holds for the target (importing twice changes nothing). {@code licence} may
 * be null whatever the openness: sources often state none.
 */
public record ImportClaim(String claimId, ClaimTarget target, Openness openness, String licence,
                          List<Evidence> evidence, String rationale, String importPolicy, String source)
        implements AggregateCommand {
    public ImportClaim {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    @Override
    public String aggregateId() {
        return target.modelId();
    }
}
