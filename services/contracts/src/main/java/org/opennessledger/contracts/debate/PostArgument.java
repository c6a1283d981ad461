package org.opennessledger.contracts.debate;

import java.util.List;
import org.opennessledger.contracts.values.AggregateCommand;
import org.opennessledger.contracts.values.Evidence;
import org.opennessledger.contracts.values.Stance;

/**
 * A reviewer contributes to a claim's debate; {@code parentArgumentId} names the argument this
 * replies to (null for a top-level argument). {@code text} is plain text or a Markdown subset,
 * stored exactly as given and never rendered as HTML by the platform.
 */
public record PostArgument(String claimId, String argumentId, String parentArgumentId, Stance stance,
                           String text, List<Evidence> evidence) implements AggregateCommand {
    public PostArgument {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    @Override
    public String aggregateId() {
        return claimId;
    }
}
