package org.opennessledger.contracts.annotations;

import java.util.List;
import org.opennessledger.contracts.values.AggregateCommand;
import org.opennessledger.contracts.values.Evidence;

/** The author of an argument on an annotation revises it: a new revision, every earlier one kept. */
public record EditAnnotationArgument(String annotationId, String argumentId, String text, List<Evidence> evidence)
        implements AggregateCommand {
    public EditAnnotationArgument {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    @Override
    public String aggregateId() {
        return annotationId;
    }
}
