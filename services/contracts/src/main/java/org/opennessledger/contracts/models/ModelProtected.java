package org.opennessledger.contracts.models;

/**
 * New claims about the family now need a proposer with at least {@code minimumAcceptedClaims}
 * claims of their own that reached acceptance.
 */
public record ModelProtected(String modelId, int minimumAcceptedClaims, String moderatorId, String reason) {
}
