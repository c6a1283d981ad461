package org.opennessledger.contracts.disputes;

import java.util.List;
import org.opennessledger.contracts.values.AggregateCommand;
import org.opennessledger.contracts.values.Evidence;

/**
 * A reviewer (not the claim's author) disputes an ACCEPTED or REJECTED claim. Addressed to the
 * claim, which checks the rules and opens the Dispute aggregate ({@code disputeId}, a UUID).
 */
public record DisputeClaim(String claimId, String disputeId, String reason, List<Evidence> evidence)
        implements AggregateCommand {
    public DisputeClaim {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    @Override
    public String aggregateId() {
        return claimId;
    }
}
