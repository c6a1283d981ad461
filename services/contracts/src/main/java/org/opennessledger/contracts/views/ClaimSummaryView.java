package org.opennessledger.contracts.views;

import java.time.Instant;

public record ClaimSummaryView(String claimId, String modelId, String releaseId, String component,
                               String openness, String licence, String status, boolean locked,
                               String authorId, Instant proposedAt, int agreeCount, int disagreeCount,
                               String openDisputeId) {
}
