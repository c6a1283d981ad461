package org.opennessledger.contracts.annotations;

import org.opennessledger.contracts.values.Verdict;

/** A review was given or changed; the counts are the active reviews after this one. */
public record AnnotationReviewed(String annotationId, String reviewerId, Verdict verdict, String justification,
                                 Verdict previousVerdict, int agreeCount, int disagreeCount) {
}
