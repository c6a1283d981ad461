package org.opennessledger.contracts.views;

import java.time.Instant;

/** One model family in the list; {@code modelType} is a {@code ModelType} id, null when not stated. */
public record ModelSummaryView(String modelId, String name, String producer, int releaseCount,
                               int claimCount, Instant registeredAt, String modelType) {

    /** A family whose type is not stated. */
    public ModelSummaryView(String modelId, String name, String producer, int releaseCount, int claimCount,
                            Instant registeredAt) {
        this(modelId, name, producer, releaseCount, claimCount, registeredAt, null);
    }
}
