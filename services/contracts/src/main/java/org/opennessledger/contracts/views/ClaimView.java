package org.opennessledger.contracts.views;

import java.time.Instant;
import java.util.List;
import org.opennessledger.contracts.values.Evidence;

/**
 * A claim's page. {@code reviews} are the active reviews (one per reviewer);
 * {@code reviewHistory} keeps every review ever given, including replaced ones.
 * {@code producerResponse} is the model producer's marked response, if any; {@code hidden} is set
 * when a moderator hid the claim (only moderators read it then).
 * {@code openDisputeId} is set while a dispute is open: the claim then shows as DISPUTED (its
 * status still counts in the assessment, flagged) and takes no reviews.
 */
public record ClaimView(String claimId, String modelId, String releaseId, String component,
                        String openness, String licence, List<Evidence> evidence, String rationale,
                        String authorId, Instant proposedAt, String status, boolean locked,
                        String policyVersion, Instant statusSince, String supersededBy,
                        String supersededReason, int agreeCount, int disagreeCount,
                        List<ReviewView> reviews, List<ReviewView> reviewHistory, String openDisputeId,
                        ProducerResponseView producerResponse, HiddenView hidden) {

    /** A claim without a producer response. */
    public ClaimView(String claimId, String modelId, String releaseId, String component, String openness,
                     String licence, List<Evidence> evidence, String rationale, String authorId, Instant proposedAt,
                     String status, boolean locked, String policyVersion, Instant statusSince, String supersededBy,
                     String supersededReason, int agreeCount, int disagreeCount, List<ReviewView> reviews,
                     List<ReviewView> reviewHistory, String openDisputeId) {
        this(claimId, modelId, releaseId, component, openness, licence, evidence, rationale, authorId, proposedAt,
                status, locked, policyVersion, statusSince, supersededBy, supersededReason, agreeCount, disagreeCount,
                reviews, reviewHistory, openDisputeId, null, null);
    }
}
