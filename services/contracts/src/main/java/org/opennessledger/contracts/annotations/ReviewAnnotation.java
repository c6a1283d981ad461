package org.opennessledger.contracts.annotations;

import org.opennessledger.contracts.values.AggregateCommand;
import org.opennessledger.contracts.values.Verdict;

/** Agree or disagree that the annotation reads its passage right (disagreeing needs a reason). */
public record ReviewAnnotation(String annotationId, Verdict verdict, String reason) implements AggregateCommand {

    @Override
    public String aggregateId() {
        return annotationId;
    }
}
