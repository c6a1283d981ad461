package org.opennessledger.contracts.models;

import java.time.LocalDate;
import java.util.List;

public record ReleaseRegistered(String modelId, String releaseId, String name, String version,
                                LocalDate releaseDate, String baseModel, List<String> links,
                                String registeredBy) {
    public ReleaseRegistered {
        links = links == null ? List.of() : List.copyOf(links);
    }
}
