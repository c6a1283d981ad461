package org.opennessledger.contracts.views;

import java.time.Instant;
import java.util.List;
import org.opennessledger.contracts.values.Evidence;

/**
 * A claim's page. {@code reviews} are the active reviews (one per reviewer);
 * {@code reviewHistory} keeps every review ever given, including replaced ones.
 */
public record ClaimView(String claimId, String modelId, String releaseId, String component,
                        String openness, String licence, List<Evidence> evidence, String rationale,
                        String authorId, Instant proposedAt, String status, boolean locked,
                        String policyVersion, Instant statusSince, String supersededBy,
                        String supersededReason, int agreeCount, int disagreeCount,
                        List<ReviewView> reviews, List<ReviewView> reviewHistory) {
}
