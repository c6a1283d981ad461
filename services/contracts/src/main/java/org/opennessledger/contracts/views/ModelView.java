package org.opennessledger.contracts.views;

import java.time.Instant;
import java.util.List;

/**
 * A model family's page: its releases with their current assessment, every claim on it, its
 * protection (null when unprotected) and its type (a {@code ModelType} id; null when not stated).
 */
public record ModelView(String modelId, String name, String producer, String description,
                        String registeredBy, Instant registeredAt, List<ReleaseView> releases,
                        List<ClaimSummaryView> claims, ProtectionView protection, String modelType) {

    /** A model whose type is not stated. */
    public ModelView(String modelId, String name, String producer, String description, String registeredBy,
                     Instant registeredAt, List<ReleaseView> releases, List<ClaimSummaryView> claims,
                     ProtectionView protection) {
        this(modelId, name, producer, description, registeredBy, registeredAt, releases, claims, protection, null);
    }

    /** An unprotected model. */
    public ModelView(String modelId, String name, String producer, String description, String registeredBy,
                     Instant registeredAt, List<ReleaseView> releases, List<ClaimSummaryView> claims) {
        this(modelId, name, producer, description, registeredBy, registeredAt, releases, claims, null);
    }
}
