package org.opennessledger.contracts.views;

import java.time.Instant;
import java.util.List;

/**
 * What changed in a release's assessment between two versions (0: before the first): per component,
 * how ({@code kind}: added, changed, removed), which aspects ({@code aspects}: openness, licence, claim —
 * a new claim brings its own evidence), the state before and after, and the versions in between that
 * made the change, with the claim, event, actor and reason behind each.
 */
public record AssessmentChangesView(String modelId, String releaseId, int fromVersion, int toVersion,
                                    Instant fromPublishedAt, Instant toPublishedAt, List<Change> changes) {

    public record Change(String component, String kind, List<String> aspects, AssessedComponentView before,
                         AssessedComponentView after, List<Cause> causes) {
    }

    public record Cause(int version, Instant publishedAt, String claimId, String event, String actorId,
                        String reason) {
    }
}
