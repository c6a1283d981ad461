package org.opennessledger.contracts.views;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One release with its current assessment: {@code components} lists the accepted claim per
 * component (release-level, else family-wide); {@code assessmentVersion} is 0 before the first;
 * {@code scores} are the current assessment's framework scores.
 */
public record ReleaseView(String releaseId, String name, String version, LocalDate releaseDate,
                          String baseModel, List<String> links, String registeredBy, Instant registeredAt,
                          int assessmentVersion, List<AssessedComponentView> components,
                          FrameworkScoresView scores) {

    /** A release without framework scores. */
    public ReleaseView(String releaseId, String name, String version, LocalDate releaseDate, String baseModel,
                       List<String> links, String registeredBy, Instant registeredAt, int assessmentVersion,
                       List<AssessedComponentView> components) {
        this(releaseId, name, version, releaseDate, baseModel, links, registeredBy, registeredAt, assessmentVersion,
                components, null);
    }
}
