package org.opennessledger.gateway;

import java.util.List;
import java.util.Objects;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.opennessledger.gateway.fetch.AddressPolicy;
import org.opennessledger.gateway.fetch.PublicAddressPolicy;

/**
 * What the platform hands the gateway: the buses, the read-your-writes barrier, the health probes
 * of the stores (the gateway adds Keycloak's own), the settings, the read models' rebuild, and which
 * addresses the document fetcher may reach (public ones; a test may admit its own local server).
 */
public record GatewayDependencies(CommandGateway commandGateway, QueryGateway queryGateway,
                                  ProjectionBarrier projectionBarrier, List<HealthProbe> probes,
                                  GatewaySettings settings, ReadModelRebuild readModelRebuild,
                                  AddressPolicy fetchAddressPolicy) {

    /** Fetching (when switched on) from public addresses only. */
    public GatewayDependencies(CommandGateway commandGateway, QueryGateway queryGateway,
                               ProjectionBarrier projectionBarrier, List<HealthProbe> probes,
                               GatewaySettings settings, ReadModelRebuild readModelRebuild) {
        this(commandGateway, queryGateway, projectionBarrier, probes, settings, readModelRebuild,
                PublicAddressPolicy.INSTANCE);
    }

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
        Objects.requireNonNull(fetchAddressPolicy, "fetchAddressPolicy is required");
        probes = probes == null ? List.of() : List.copyOf(probes);
    }
}
