package org.opennessledger.contracts.models;

import java.time.LocalDate;
import java.util.List;
import org.opennessledger.contracts.values.AggregateCommand;

/** Register one release of a family, e.g. "Llama-3.1-8B-Instruct". */
public record RegisterRelease(String modelId, String releaseId, String name, String version,
                              LocalDate releaseDate, String baseModel, List<String> links)
        implements AggregateCommand {
    public RegisterRelease {
        links = links == null ? List.of() : List.copyOf(links);
    }

    @Override
    public String aggregateId() {
        return modelId;
    }
}
