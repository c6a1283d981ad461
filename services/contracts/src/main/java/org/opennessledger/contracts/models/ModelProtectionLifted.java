package org.opennessledger.contracts.models;

public record ModelProtectionLifted(String modelId, String moderatorId, String reason) {
}
