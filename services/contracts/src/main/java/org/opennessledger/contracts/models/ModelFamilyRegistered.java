package org.opennessledger.contracts.models;

public record ModelFamilyRegistered(String modelId, String name, String producer, String description,
                                    String registeredBy) {
}
