package org.opennessledger.platform.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;

/**
 * Chains every stored event, in the order the event store delivers them (its global sequence; an
 * event that commits late is chained when it arrives). Runs as one tracking processor whose token
 * lives in the event store's database: a link and the token that covers it commit together.
 */
@ProcessingGroup(AuditChainer.PROCESSING_GROUP)
public final class AuditChainer {

    public static final String PROCESSING_GROUP = "audit-chain";

    private final ConnectionProvider connections;
    private final Clock clock;

    public AuditChainer(ConnectionProvider connections, Clock clock) {
        this.connections = connections;
        this.clock = clock;
    }

    @EventHandler
    public void on(EventMessage<?> event) throws SQLException {
        // The processor's transaction holds this thread's connection; closing it here is a no-op.
        try (Connection connection = connections.getConnection()) {
            if (AuditLog.chain(connection, event.getIdentifier(), clock.instant()).isEmpty()) {
                throw new IllegalStateException("event " + event.getIdentifier() + " was delivered but is not in the"
                        + " event store's table");
            }
        }
    }
}
