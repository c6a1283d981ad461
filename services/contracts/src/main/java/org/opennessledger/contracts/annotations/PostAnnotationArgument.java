package org.opennessledger.contracts.annotations;

import java.util.List;
import org.opennessledger.contracts.values.AggregateCommand;
import org.opennessledger.contracts.values.Evidence;
import org.opennessledger.contracts.values.Stance;

/**
 * A reviewer contributes to the debate on an annotation (does it read its passage right, does the passage
 * mean what its tags say), in the same threads as a claim's: {@code parentArgumentId} names the argument this
 * replies to (null for a top-level one); {@code text} is kept exactly as given and never rendered as HTML.
 */
public record PostAnnotationArgument(String annotationId, String argumentId, String parentArgumentId, Stance stance,
                                     String text, List<Evidence> evidence) implements AggregateCommand {
    public PostAnnotationArgument {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    @Override
    public String aggregateId() {
        return annotationId;
    }
}
