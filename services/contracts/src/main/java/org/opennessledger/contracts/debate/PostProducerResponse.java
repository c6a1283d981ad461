package org.opennessledger.contracts.debate;

import java.util.List;
import org.opennessledger.contracts.values.AggregateCommand;
import org.opennessledger.contracts.values.Evidence;

/**
 * The model's producer answers a claim about it: one marked response per claim, by a user with the
 * producer role whose token names the model's producer organisation. {@code text} follows the rules
 * of argument text (plain text or a Markdown subset, never rendered as HTML).
 */
public record PostProducerResponse(String claimId, String text, List<Evidence> evidence) implements AggregateCommand {
    public PostProducerResponse {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    @Override
    public String aggregateId() {
        return claimId;
    }
}
