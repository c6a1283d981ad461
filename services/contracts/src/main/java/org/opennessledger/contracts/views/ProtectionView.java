package org.opennessledger.contracts.views;

import java.time.Instant;

/** A protected model: who protected it, when, why, and what proposing a claim on it now needs. */
public record ProtectionView(int minimumAcceptedClaims, Instant since, String by, String reason) {
}
