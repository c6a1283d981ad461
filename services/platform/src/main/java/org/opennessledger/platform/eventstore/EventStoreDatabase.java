package org.opennessledger.platform.eventstore;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * The SQL database behind the event store, the snapshots and the persistent deadlines:
 * an embedded H2 file by default, PostgreSQL when a JDBC URL is configured.
 */
public final class EventStoreDatabase implements AutoCloseable {

    public enum Dialect { H2, POSTGRESQL }

    private final HikariDataSource dataSource;
    private final Dialect dialect;
    private final String description;
    private EmbeddedFileHousekeeping housekeeping;

    private EventStoreDatabase(HikariDataSource dataSource, Dialect dialect, String description) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.description = description;
    }

    /**
     * An H2 file database in {@code directory}. WRITE_DELAY=0 makes every commit reach the file
     * before the command is acknowledged, so a kill -9 loses no acknowledged write; H2 then does not
     * tidy its file itself, so {@link EmbeddedFileHousekeeping} does, once a second.
     */
    public static EventStoreDatabase embeddedH2(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot create the event store directory " + directory, e);
        }
        String url = "jdbc:h2:file:" + directory.toAbsolutePath().resolve("events") + ";WRITE_DELAY=0";
        EventStoreDatabase database = open(url, "sa", "", "H2 file " + directory.toAbsolutePath());
        try {
            database.housekeeping = EmbeddedFileHousekeeping.of(database.dataSource).every(1000);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        return database;
    }

    public static EventStoreDatabase open(String jdbcUrl, String user, String password, String description) {
        Dialect dialect;
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            dialect = Dialect.H2;
        } else if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            dialect = Dialect.POSTGRESQL;
        } else {
            throw new IllegalArgumentException("unsupported event store URL (use jdbc:h2: or jdbc:postgresql:): " + jdbcUrl);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setPoolName("event-store");
        config.setMaximumPoolSize(16);
        config.setConnectionTimeout(10_000);
        config.setInitializationFailTimeout(30_000);
        return new EventStoreDatabase(new HikariDataSource(config), dialect, description);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Dialect dialect() {
        return dialect;
    }

    public String description() {
        return description;
    }

    /** Creates the table db-scheduler keeps deadlines in, if missing (same DDL on H2 and PostgreSQL). */
    public void createDeadlineTable() {
        String ddl = """
                CREATE TABLE IF NOT EXISTS scheduled_tasks (
                  task_name VARCHAR(250) NOT NULL,
                  task_instance VARCHAR(250) NOT NULL,
                  task_data BYTEA,
                  execution_time TIMESTAMP WITH TIME ZONE NOT NULL,
                  picked BOOLEAN NOT NULL,
                  picked_by VARCHAR(250),
                  last_success TIMESTAMP WITH TIME ZONE,
                  last_failure TIMESTAMP WITH TIME ZONE,
                  consecutive_failures INT,
                  last_heartbeat TIMESTAMP WITH TIME ZONE,
                  version BIGINT NOT NULL,
                  priority SMALLINT,
                  PRIMARY KEY (task_name, task_instance))""";
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(ddl);
            statement.execute("CREATE INDEX IF NOT EXISTS scheduled_tasks_execution_time_idx ON scheduled_tasks (execution_time)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the deadline table in " + description, e);
        }
    }

    /** What tidies the embedded H2 file; null for any other database. */
    EmbeddedFileHousekeeping housekeeping() {
        return housekeeping;
    }

    /** True when a trivial query succeeds within a second; used by the health check. */
    public boolean isReachable() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(1);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (housekeeping != null) {
            housekeeping.close();
        }
        dataSource.close();
    }
}
