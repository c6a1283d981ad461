package org.opennessledger.contracts.views;

import java.time.Instant;

public record ClaimSummaryView(String claimId, String modelId, String releaseId, String component,
                               String openness, String licence, String status, boolean locked,
                               String authorId, Instant proposedAt, int agreeCount, int disagreeCount,
                               String openDisputeId, boolean hidden) {

    /** A visible claim. */
    public ClaimSummaryView(String claimId, String modelId, String releaseId, String component, String openness,
                            String licence, String status, boolean locked, String authorId, Instant proposedAt,
                            int agreeCount, int disagreeCount, String openDisputeId) {
        this(claimId, modelId, releaseId, component, openness, licence, status, locked, authorId, proposedAt,
                agreeCount, disagreeCount, openDisputeId, false);
    }
}
