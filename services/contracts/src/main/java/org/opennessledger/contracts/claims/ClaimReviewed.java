package org.opennessledger.contracts.claims;

import org.opennessledger.contracts.values.Verdict;

/**
 * A review was given or changed. {@code justification} is the reviewer's own text (required to
 * disagree; not the request's reason, which every event carries in its metadata);
 * {@code previousVerdict} is null for a first review; the counts are the active reviews after this one.
 * <p>
 * Revision 2 ({@link #REVISION}): revision 1 (stored without a revision) called the justification
 * {@code reason}; the platform's upcaster renames it when old events are read.
 */
public record ClaimReviewed(String claimId, String reviewerId, Verdict verdict, String justification,
                            Verdict previousVerdict, int agreeCount, int disagreeCount) {

    public static final String REVISION = "2";
}
