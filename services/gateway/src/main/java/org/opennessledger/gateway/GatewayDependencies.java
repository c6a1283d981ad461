package org.opennessledger.gateway;

import java.util.List;
import java.util.Objects;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;

/**
 * What the platform hands the gateway: the buses, the read-your-writes barrier, the health probes
 * of the stores (the gateway adds Keycloak's own) and the settings.
 */
public record GatewayDependencies(CommandGateway commandGateway, QueryGateway queryGateway,
                                  ProjectionBarrier projectionBarrier, List<HealthProbe> probes,
                                  GatewaySettings settings) {

    public GatewayDependencies {
        Objects.requireNonNull(commandGateway, "commandGateway is required");
        Objects.requireNonNull(queryGateway, "queryGateway is required");
        Objects.requireNonNull(projectionBarrier, "projectionBarrier is required");
        Objects.requireNonNull(settings, "settings are required");
        probes = probes == null ? List.of() : List.copyOf(probes);
    }
}
