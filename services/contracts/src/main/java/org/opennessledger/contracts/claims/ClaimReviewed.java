package org.opennessledger.contracts.claims;

import org.opennessledger.contracts.values.Verdict;

/**
 * A review was given or changed. {@code previousVerdict} is null for a first review; the counts
 * are the active reviews after this one.
 */
public record ClaimReviewed(String claimId, String reviewerId, Verdict verdict, String reason,
                            Verdict previousVerdict, int agreeCount, int disagreeCount) {
}
