package org.opennessledger.contracts.views;

import java.time.Instant;
import java.util.List;

/** A model family's page: its releases with their current assessment, and every claim on it. */
public record ModelView(String modelId, String name, String producer, String description,
                        String registeredBy, Instant registeredAt, List<ReleaseView> releases,
                        List<ClaimSummaryView> claims) {
}
