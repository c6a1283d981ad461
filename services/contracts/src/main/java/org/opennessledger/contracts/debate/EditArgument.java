package org.opennessledger.contracts.debate;

import java.util.List;
import org.opennessledger.contracts.values.AggregateCommand;
import org.opennessledger.contracts.values.Evidence;

/** Only the author edits; arguments are never deleted. The new text and evidence replace the old. */
public record EditArgument(String claimId, String argumentId, String text, List<Evidence> evidence)
        implements AggregateCommand {
    public EditArgument {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    @Override
    public String aggregateId() {
        return claimId;
    }
}
