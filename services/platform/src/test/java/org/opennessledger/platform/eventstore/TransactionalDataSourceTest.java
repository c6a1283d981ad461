package org.opennessledger.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.axonframework.common.transaction.Transaction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the deadline scheduler gets: inside a command's transaction, that transaction's connection,
 * which nothing it does can commit, roll back or switch to autocommit; outside one, the pool.
 */
class TransactionalDataSourceTest {

    @TempDir
    Path directory;
    private EventStoreDatabase database;
    private ThreadBoundTransactionManager transactions;

    @BeforeEach
    void open() throws Exception {
        database = EventStoreDatabase.embeddedH2(directory);
        transactions = new ThreadBoundTransactionManager(database.dataSource());
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE joined_rows (id INT PRIMARY KEY)");
        }
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void insideATransactionItsConnectionCannotBeCommittedRolledBackOrClosedByTheCaller() throws Exception {
        DataSource joined = transactions.transactionalDataSource();
        Transaction transaction = transactions.startTransaction();
        try (Connection c = joined.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO joined_rows VALUES (1)");
            c.setAutoCommit(true);
            c.commit();
            assertThat(c.getAutoCommit()).isFalse();
        }
        try (Connection again = joined.getConnection(); Statement s = again.createStatement()) {
            again.rollback();
            s.executeUpdate("INSERT INTO joined_rows VALUES (2)"); // still the same, open transaction
        }
        transaction.rollback();

        assertThat(count()).as("the caller's commit did not end the transaction; its rollback undid both").isZero();

        Transaction committed = transactions.startTransaction();
        try (Connection c = joined.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO joined_rows VALUES (3)");
            c.rollback();
        }
        committed.commit();
        assertThat(count()).as("the caller's rollback did not undo the transaction").isEqualTo(1);
    }

    @Test
    void outsideATransactionItIsThePool() throws Exception {
        try (Connection c = transactions.transactionalDataSource().getConnection(); Statement s = c.createStatement()) {
            assertThat(c.getAutoCommit()).isTrue();
            s.executeUpdate("INSERT INTO joined_rows VALUES (4)");
        }
        assertThat(count()).isEqualTo(1);
    }

    private int count() throws Exception {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*) FROM joined_rows")) {
            r.next();
            return r.getInt(1);
        }
    }
}
