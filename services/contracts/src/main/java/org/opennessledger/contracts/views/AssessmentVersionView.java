package org.opennessledger.contracts.views;

import java.time.Instant;
import java.util.List;

/**
 * One numbered assessment of a release: the accepted claim per component at that moment, what
 * changed since version n-1, and the claim whose status change produced it.
 */
public record AssessmentVersionView(String modelId, String releaseId, int version, Instant publishedAt,
                                    String causedByClaimId, String causedByEvent,
                                    List<AssessedComponentView> components, AssessmentDiffView diff,
                                    FrameworkScoresView scores) {

    /** A version without its framework scores. */
    public AssessmentVersionView(String modelId, String releaseId, int version, Instant publishedAt,
                                 String causedByClaimId, String causedByEvent, List<AssessedComponentView> components,
                                 AssessmentDiffView diff) {
        this(modelId, releaseId, version, publishedAt, causedByClaimId, causedByEvent, components, diff, null);
    }
}
