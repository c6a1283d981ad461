package org.opennessledger.platform.eventstore;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.ConnectionWrapperFactory;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;

/**
 * JDBC transactions for Axon without Spring: one pooled connection per thread while a
 * transaction is open (autocommit off); nested transactions join the outer one. Axon's JDBC
 * components obtain connections through {@link #connectionProvider()}, which hands out the
 * thread's transactional connection (closing it is a no-op) or, outside a transaction, a plain
 * autocommit connection from the pool.
 */
public final class ThreadBoundTransactionManager implements TransactionManager {

    private final DataSource dataSource;
    private final ThreadLocal<Connection> current = new ThreadLocal<>();

    public ThreadBoundTransactionManager(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Transaction startTransaction() {
        if (current.get() != null) {
            return NESTED;
        }
        Connection connection;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open a transaction on the event store database", e);
        }
        current.set(connection);
        return new Transaction() {
            @Override
            public void commit() {
                finish(connection, true);
            }

            @Override
            public void rollback() {
                finish(connection, false);
            }
        };
    }

    private void finish(Connection connection, boolean commit) {
        try {
            if (commit) {
                connection.commit();
            } else {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("event store transaction failed to " + (commit ? "commit" : "roll back"), e);
        } finally {
            current.remove();
            try {
                connection.setAutoCommit(true);
                connection.close();
            } catch (SQLException ignored) {
                // the pool discards a broken connection on its own
            }
        }
    }

    public ConnectionProvider connectionProvider() {
        return () -> {
            Connection inTransaction = current.get();
            if (inTransaction != null) {
                return ConnectionWrapperFactory.wrap(inTransaction, new ConnectionWrapperFactory.NoOpCloseHandler());
            }
            return dataSource.getConnection();
        };
    }

    /**
     * The pool as seen from inside a transaction: a thread in one gets its transactional connection,
     * on which commit, rollback, setAutoCommit and close do nothing (only the transaction ends it,
     * whatever the caller's settings). The deadline scheduler
     * uses this, so that a deadline scheduled by a command is stored in the command's transaction
     * instead of holding a second pooled connection while the first one waits: under load, every
     * pooled connection could be held by a command waiting for one more, and none would come back.
     */
    public DataSource transactionalDataSource() {
        return new DelegatingDataSource(dataSource) {
            @Override
            public Connection getConnection() throws SQLException {
                Connection inTransaction = current.get();
                return inTransaction != null ? joined(inTransaction) : dataSource.getConnection();
            }

            @Override
            public Connection getConnection(String username, String password) throws SQLException {
                Connection inTransaction = current.get();
                return inTransaction != null ? joined(inTransaction) : dataSource.getConnection(username, password);
            }
        };
    }

    /** The transaction's connection, with the calls that would end or change the transaction made harmless. */
    private static Connection joined(Connection connection) {
        return (Connection) java.lang.reflect.Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "commit", "rollback", "setAutoCommit", "close", "setTransactionIsolation" -> {
                            return null;
                        }
                        case "getAutoCommit" -> {
                            return false;
                        }
                        case "isClosed" -> {
                            return connection.isClosed();
                        }
                        default -> {
                            try {
                                return method.invoke(connection, args);
                            } catch (java.lang.reflect.InvocationTargetException e) {
                                throw e.getCause();
                            }
                        }
                    }
                });
    }

    private static final Transaction NESTED = new Transaction() {
        @Override
        public void commit() {
            // the outermost transaction commits
        }

        @Override
        public void rollback() {
            // the exception that caused this rollback propagates to the outermost transaction,
            // which rolls back everything
        }
    };
}
