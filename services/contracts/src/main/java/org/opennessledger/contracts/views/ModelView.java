package org.opennessledger.contracts.views;

import java.time.Instant;
import java.util.List;

/**
 * A model family's page: its releases with their current assessment, every claim on it, and its
 * protection (null when unprotected).
 */
public record ModelView(String modelId, String name, String producer, String description,
                        String registeredBy, Instant registeredAt, List<ReleaseView> releases,
                        List<ClaimSummaryView> claims, ProtectionView protection) {

    /** An unprotected model. */
    public ModelView(String modelId, String name, String producer, String description, String registeredBy,
                     Instant registeredAt, List<ReleaseView> releases, List<ClaimSummaryView> claims) {
        this(modelId, name, producer, description, registeredBy, registeredAt, releases, claims, null);
    }
}
