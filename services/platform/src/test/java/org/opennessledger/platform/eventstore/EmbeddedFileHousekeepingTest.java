package org.opennessledger.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;
import java.util.function.IntConsumer;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded event store writes a chunk per commit; these tests show that rewriting its sparse chunks
 * keeps the file near its live data. Each database sets H2's retention time to 0 (a persistent setting of
 * that file only) so that chunks may be rewritten at once instead of after the 45 s the product keeps.
 */
class EmbeddedFileHousekeepingTest {

    private static final int COMMITS = 8000;
    private static final byte[] PAYLOAD = new byte[1000];

    static {
        new Random(7).nextBytes(PAYLOAD); // the same bytes in both files; H2 stores them uncompressed
    }

    @TempDir
    Path directory;

    @Test
    void rewritingSparseChunksKeepsTheFileOfOneCommitPerRowLessThanHalfAsLarge() throws Exception {
        long untidied;
        try (EventStoreDatabase database = durableH2(directory.resolve("untidied"))) {
            commitRows(database.dataSource(), n -> { });
            untidied = fileSize(directory.resolve("untidied")); // while open: closing compacts the file a little
        }
        long tidied;
        try (EventStoreDatabase database = durableH2(directory.resolve("tidied"));
             EmbeddedFileHousekeeping housekeeping = EmbeddedFileHousekeeping.of(database.dataSource())) {
            commitRows(database.dataSource(), n -> {
                if (n % 50 == 0) {
                    housekeeping.runOnce();
                }
            });
            assertThat(housekeeping.roundsThatRewrote()).as("rounds that rewrote chunks").isPositive();
            tidied = fileSize(directory.resolve("tidied"));
        }
        assertThat(tidied).as("file after %d commits with housekeeping vs %d bytes without", COMMITS, untidied)
                .isLessThan(untidied / 2);
    }

    @Test
    void theEmbeddedEventStoreRewritesOnItsOwn() throws Exception {
        try (EventStoreDatabase database = EventStoreDatabase.embeddedH2(directory)) {
            retainNothing(database.dataSource());
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (database.housekeeping().roundsThatRewrote() == 0 && System.nanoTime() < deadline) {
                commitRows(database.dataSource(), n -> { });
            }
            assertThat(database.housekeeping().roundsThatRewrote())
                    .as("rounds that rewrote chunks, of %d", database.housekeeping().rounds()).isPositive();
        }
    }

    /** An H2 file with the embedded event store's durability (WRITE_DELAY=0) and no housekeeping of its own. */
    private static EventStoreDatabase durableH2(Path dir) throws SQLException {
        EventStoreDatabase database = EventStoreDatabase.open(
                "jdbc:h2:file:" + dir.toAbsolutePath().resolve("events") + ";WRITE_DELAY=0", "sa", "", "test " + dir);
        retainNothing(database.dataSource());
        return database;
    }

    private static void retainNothing(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SET RETENTION_TIME 0");
            statement.execute("CREATE TABLE IF NOT EXISTS rows_ (id BIGINT AUTO_INCREMENT PRIMARY KEY, payload BYTEA)");
        }
    }

    /** {@value #COMMITS} rows of 1 KB, one commit each, as the event store appends a command's events (BYTEA, as its table). */
    private static void commitRows(DataSource dataSource, IntConsumer afterCommit) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO rows_ (payload) VALUES (?)")) {
            connection.setAutoCommit(false);
            for (int n = 1; n <= COMMITS; n++) {
                insert.setBytes(1, PAYLOAD);
                insert.executeUpdate();
                connection.commit();
                afterCommit.accept(n);
            }
        }
    }

    private static long fileSize(Path dir) throws Exception {
        return Files.size(dir.resolve("events.mv.db"));
    }
}
