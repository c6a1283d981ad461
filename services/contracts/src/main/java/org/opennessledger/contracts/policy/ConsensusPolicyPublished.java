package org.opennessledger.contracts.policy;

import java.time.Duration;

public record ConsensusPolicyPublished(String policyVersion, int minimumReviews, double acceptRatio,
                                       double rejectRatio, Duration lockAfter) {
}
