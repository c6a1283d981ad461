package org.opennessledger.platform.eventstore;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rewrites the mostly empty chunks of the embedded event store's file, which H2 leaves to a background
 * writer that does not run with {@code WRITE_DELAY=0}.
 * <p>
 * With no write delay, H2's MVStore writes a chunk per commit and every commit is on file before it is
 * acknowledged; but it then also starts no background writer, and that writer is what rewrites the few
 * live pages of old chunks so that the chunks can be dropped. Without it the file grew ~30 KB per event.
 * Once a second this asks the MVStore to rewrite chunks that are past its retention time (45 s by
 * default, kept: overwriting younger chunks risks a file that cannot be opened after the machine, not
 * the process, stopped) and mostly empty, moving at most {@link #WRITE_LIMIT_BYTES} of live data a time
 * under the store's lock, so a commit waits for no more than that. The next commit writes the moved
 * pages, the old chunks die and new ones reuse their space.
 */
final class EmbeddedFileHousekeeping implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedFileHousekeeping.class);
    /** Chunks whose live share is below this are rewritten: what H2's own background writer aims at. */
    static final int TARGET_FILL_PERCENT = 90;
    /** Live data moved per round: a commit that follows writes it, so this bounds its extra work. */
    static final int WRITE_LIMIT_BYTES = 4 << 20;

    private final MVStore store;
    private final AtomicLong rounds = new AtomicLong();
    private final AtomicLong roundsThatRewrote = new AtomicLong();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "event-store-housekeeping");
        thread.setDaemon(true);
        return thread;
    });

    private EmbeddedFileHousekeeping(MVStore store) {
        this.store = store;
    }

    /** The store behind {@code dataSource} (an embedded H2 database), without a schedule: {@link #runOnce()} rewrites. */
    static EmbeddedFileHousekeeping of(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
            return new EmbeddedFileHousekeeping(session.getDatabase().getStore().getMvStore());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the embedded event store's file", e);
        }
    }

    /** Rewrites once every {@code periodMillis}, until closed. */
    EmbeddedFileHousekeeping every(long periodMillis) {
        timer.scheduleWithFixedDelay(this::runQuietly, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
        return this;
    }

    /** One round: true when chunks were rewritten (false when none was old and empty enough, or a commit held the lock). */
    boolean runOnce() {
        rounds.incrementAndGet();
        boolean rewrote = !store.isClosed() && store.compact(TARGET_FILL_PERCENT, WRITE_LIMIT_BYTES);
        if (rewrote) {
            roundsThatRewrote.incrementAndGet();
        }
        return rewrote;
    }

    private void runQuietly() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            // The next round tries again; a closed store ends with close().
            LOG.warn("rewriting the event store's sparse chunks failed: {}", e.toString());
        }
    }

    long rounds() {
        return rounds.get();
    }

    long roundsThatRewrote() {
        return roundsThatRewrote.get();
    }

    /** Stops the schedule and waits for a running round, so the database can be closed after it. */
    @Override
    public void close() {
        timer.shutdown(); // no interrupt: a round in progress finishes
        try {
            timer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
