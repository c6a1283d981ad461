package org.opennessledger.platform.audit;

import java.sql.Connection;
import java.sql.SQLException;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.queryhandling.QueryHandler;
import org.opennessledger.contracts.queries.Queries.GetAuditHead;
import org.opennessledger.contracts.queries.Queries.VerifyAuditLog;
import org.opennessledger.contracts.views.AuditHeadView;
import org.opennessledger.contracts.views.AuditVerificationView;

/** Answers the audit questions from the event store's database. */
public final class AuditQueries {

    private final TransactionManager transactions;
    private final ConnectionProvider connections;

    public AuditQueries(TransactionManager transactions, ConnectionProvider connections) {
        this.transactions = transactions;
        this.connections = connections;
    }

    @QueryHandler
    public AuditHeadView head(GetAuditHead query) {
        return inTransaction(AuditLog::head);
    }

    @QueryHandler
    public AuditVerificationView verify(VerifyAuditLog query) {
        return inTransaction(connection -> AuditLog.verify(connection, query.expectedLink()));
    }

    private interface Read<R> {
        R from(Connection connection) throws SQLException;
    }

    private <R> R inTransaction(Read<R> read) {
        return transactions.fetchInTransaction(() -> {
            try (Connection connection = connections.getConnection()) {
                return read.from(connection);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read the audit chain: " + e.getMessage(), e);
            }
        });
    }
}
