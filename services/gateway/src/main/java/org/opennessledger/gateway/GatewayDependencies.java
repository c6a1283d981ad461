package org.opennessledger.gateway;

import java.util.List;
import java.util.Objects;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;

/**
 * What the platform hands the gateway: the buses, the read-your-writes barrier, the health probes
 * of the stores (the gateway adds Keycloak's own), the settings, and the read models' rebuild.
 */
public record GatewayDependencies(CommandGateway commandGateway, QueryGateway queryGateway,
                                  ProjectionBarrier projectionBarrier, List<HealthProbe> probes,
                                  GatewaySettings settings, ReadModelRebuild readModelRebuild) {

    /** Without a rebuild (a gateway in front of read models it does not own answers 503 to one). */
    public GatewayDependencies(CommandGateway commandGateway, QueryGateway queryGateway,
                               ProjectionBarrier projectionBarrier, List<HealthProbe> probes,
                               GatewaySettings settings) {
        this(commandGateway, queryGateway, projectionBarrier, probes, settings, null);
    }

    public GatewayDependencies {
        Objects.requireNonNull(commandGateway, "commandGateway is required");
        Objects.requireNonNull(queryGateway, "queryGateway is required");
        Objects.requireNonNull(projectionBarrier, "projectionBarrier is required");
        Objects.requireNonNull(settings, "settings are required");
        probes = probes == null ? List.of() : List.copyOf(probes);
    }
}
