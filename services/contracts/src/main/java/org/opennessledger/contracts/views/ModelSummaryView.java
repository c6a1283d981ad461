package org.opennessledger.contracts.views;

import java.time.Instant;

public record ModelSummaryView(String modelId, String name, String producer, int releaseCount,
                               int claimCount, Instant registeredAt) {
}
