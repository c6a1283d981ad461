package org.opennessledger.platform.audit;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opennessledger.contracts.views.AuditHeadView;
import org.opennessledger.contracts.views.AuditVerificationView;
import org.opennessledger.contracts.views.AuditVerificationView.BrokenLink;

/**
 * The hash chain's table beside the events (same database, so a link is written in the same
 * transaction as the chainer's token): one row per chained event, in chain order. SQL that H2 and
 * PostgreSQL both accept; the event table is Axon's (unquoted names fold to each database's case).
 */
public final class AuditLog {

    /** An event absent from the chain though older than this before the head is reported as left out. */
    static final long LEFT_OUT_AFTER_SECONDS = 300;

    private static final String EVENT_COLUMNS = "e.globalIndex, e.eventIdentifier, e.payloadType, e.payloadRevision, "
            + "e.type, e.aggregateIdentifier, e.sequenceNumber, e.timeStamp, e.payload, e.metaData";

    /** Stored events not in the chain (yet), in the order of the global sequence. */
    private static final String UNCHAINED_EVENTS = "SELECT " + EVENT_COLUMNS + " FROM DomainEventEntry e WHERE NOT EXISTS "
            + "(SELECT 1 FROM audit_chain c WHERE c.global_index = e.globalIndex) ORDER BY e.globalIndex";

    private AuditLog() {
    }

    public static void createSchema(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS audit_chain ("
                    + "position BIGINT NOT NULL PRIMARY KEY, "
                    + "global_index BIGINT NOT NULL UNIQUE, "
                    + "event_identifier VARCHAR(255) NOT NULL UNIQUE, "
                    + "link CHAR(64) NOT NULL, "
                    + "chained_at VARCHAR(40) NOT NULL)");
        }
    }

    public static AuditHeadView head(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT position, global_index, event_identifier, "
                + "link, chained_at FROM audit_chain ORDER BY position DESC FETCH FIRST 1 ROWS ONLY");
             ResultSet row = select.executeQuery()) {
            if (!row.next()) {
                return new AuditHeadView(ChainLinks.ALGORITHM, 0, null, null, ChainLinks.GENESIS, null);
            }
            return new AuditHeadView(ChainLinks.ALGORITHM, row.getLong(1), row.getLong(2), row.getString(3),
                    row.getString(4), Instant.parse(row.getString(5)));
        }
    }

    /** The link at a chain position (1-based), as a head: what the chain ended in after that many events. */
    public static Optional<AuditHeadView> linkAt(Connection connection, long position) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT position, global_index, event_identifier, "
                + "link, chained_at FROM audit_chain WHERE position = ?")) {
            select.setLong(1, position);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new AuditHeadView(ChainLinks.ALGORITHM, row.getLong(1), row.getLong(2),
                        row.getString(3), row.getString(4), Instant.parse(row.getString(5)))) : Optional.empty();
            }
        }
    }

    /**
     * Chains the event with this identifier after the current head, unless it is chained already (a
     * replayed delivery changes nothing). Empty when there is no such event row.
     */
    public static Optional<AuditHeadView> chain(Connection connection, String eventIdentifier, Instant now)
            throws SQLException {
        try (PreparedStatement chained = connection.prepareStatement(
                "SELECT position FROM audit_chain WHERE event_identifier = ?")) {
            chained.setString(1, eventIdentifier);
            try (ResultSet row = chained.executeQuery()) {
                if (row.next()) {
                    return Optional.of(head(connection));
                }
            }
        }
        Optional<StoredEvent> event = storedEvent(connection, eventIdentifier);
        if (event.isEmpty()) {
            return Optional.empty();
        }
        AuditHeadView head = head(connection);
        String link = ChainLinks.next(head.link(), event.get());
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_chain "
                + "(position, global_index, event_identifier, link, chained_at) VALUES (?, ?, ?, ?, ?)")) {
            insert.setLong(1, head.position() + 1);
            insert.setLong(2, event.get().globalIndex());
            insert.setString(3, eventIdentifier);
            insert.setString(4, link);
            insert.setString(5, now.toString());
            insert.executeUpdate();
        }
        return Optional.of(new AuditHeadView(ChainLinks.ALGORITHM, head.position() + 1, event.get().globalIndex(),
                eventIdentifier, link, now));
    }

    private static Optional<StoredEvent> storedEvent(Connection connection, String eventIdentifier)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + EVENT_COLUMNS + " FROM DomainEventEntry e WHERE e.eventIdentifier = ?")) {
            select.setString(1, eventIdentifier);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(event(row, 1)) : Optional.empty();
            }
        }
    }

    private static StoredEvent event(ResultSet row, int first) throws SQLException {
        return new StoredEvent(row.getLong(first), row.getString(first + 1), row.getString(first + 2),
                row.getString(first + 3), row.getString(first + 4), row.getString(first + 5), row.getLong(first + 6),
                row.getString(first + 7), row.getBytes(first + 8), row.getBytes(first + 9));
    }

    /** Takes stored events one by one. */
    @FunctionalInterface
    public interface StoredEventSink {
        void accept(StoredEvent event) throws IOException;
    }

    /**
     * Every stored event: the chained ones in chain order, then those not chained yet in the order
     * of the global sequence (the order the chainer will take them in).
     */
    public static void forEachInChainOrder(Connection connection, StoredEventSink sink)
            throws SQLException, IOException {
        try (PreparedStatement chained = connection.prepareStatement("SELECT " + EVENT_COLUMNS + " FROM audit_chain c "
                + "JOIN DomainEventEntry e ON e.globalIndex = c.global_index ORDER BY c.position")) {
            chained.setFetchSize(1_000);
            try (ResultSet row = chained.executeQuery()) {
                while (row.next()) {
                    sink.accept(event(row, 1));
                }
            }
        }
        try (PreparedStatement pending = connection.prepareStatement(UNCHAINED_EVENTS)) {
            pending.setFetchSize(1_000);
            try (ResultSet row = pending.executeQuery()) {
                while (row.next()) {
                    sink.accept(event(row, 1));
                }
            }
        }
    }

    /**
     * Recomputes every link from the stored event it names and the stored link before it, so that
     * one altered row breaks exactly its own link (an altered link breaks itself and the next).
     */
    public static AuditVerificationView verify(Connection connection, String expectedLink) throws SQLException {
        List<BrokenLink> broken = new ArrayList<>();
        long brokenCount = 0;
        long checked = 0;
        String previous = ChainLinks.GENESIS;
        boolean expectedFound = false;
        AuditHeadView head = head(connection);
        try (PreparedStatement select = connection.prepareStatement("SELECT c.position, c.global_index, "
                + "c.event_identifier, c.link, " + EVENT_COLUMNS + " FROM audit_chain c "
                + "LEFT JOIN DomainEventEntry e ON e.globalIndex = c.global_index ORDER BY c.position")) {
            select.setFetchSize(1_000);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    checked++;
                    long position = row.getLong(1);
                    long globalIndex = row.getLong(2);
                    String stored = row.getString(4);
                    expectedFound |= stored.equals(expectedLink);
                    String reason = null;
                    StoredEvent event = null;
                    if (row.getString(6) == null) {
                        reason = "the chained event is no longer in the event store";
                    } else {
                        event = event(row, 5);
                        if (!ChainLinks.next(previous, event).equals(stored)) {
                            reason = "the stored event does not hash to its link: the event row or the link was changed";
                        }
                    }
                    if (reason != null) {
                        brokenCount++;
                        if (broken.size() < AuditVerificationView.MAX_REPORTED) {
                            broken.add(new BrokenLink(position, globalIndex, row.getString(3),
                                    event == null ? null : event.aggregateIdentifier(),
                                    event == null ? null : event.sequenceNumber(),
                                    event == null ? null : event.payloadType(), reason));
                        }
                    }
                    previous = stored;
                }
            }
        }
        long pending = 0;
        ChainerPosition passed = chainerPosition(connection);
        if (head.globalIndex() != null || passed != null) {
            Instant leftOutBefore = head.chainedAt() == null ? Instant.MIN
                    : head.chainedAt().minusSeconds(LEFT_OUT_AFTER_SECONDS);
            try (PreparedStatement select = connection.prepareStatement(UNCHAINED_EVENTS)) {
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        StoredEvent event = event(row, 1);
                        // The chainer's own position says which events it has handled: one of those
                        // missing from the chain lost its link (chain rows deleted). Without a position,
                        // an event well before the head is the sign.
                        boolean handled = passed != null && passed.handled(event.globalIndex());
                        boolean beforeHead = head.globalIndex() != null && event.globalIndex() < head.globalIndex()
                                && isBefore(event.timeStamp(), leftOutBefore);
                        if (handled || beforeHead) {
                            brokenCount++;
                            if (broken.size() < AuditVerificationView.MAX_REPORTED) {
                                broken.add(new BrokenLink(null, event.globalIndex(), event.eventIdentifier(),
                                        event.aggregateIdentifier(), event.sequenceNumber(), event.payloadType(),
                                        handled ? "the chainer has handled the event, but it is not in the chain"
                                                : "the event is older than the chain's head but not in the chain"));
                            }
                        } else {
                            pending++;
                        }
                    }
                }
            }
        }
        Boolean expected = expectedLink == null ? null : expectedFound || expectedLink.equals(ChainLinks.GENESIS);
        boolean ok = brokenCount == 0 && !Boolean.FALSE.equals(expected);
        return new AuditVerificationView(ok, ChainLinks.ALGORITHM, checked, head, expected, pending, brokenCount,
                List.copyOf(broken));
    }

    /** How far the chainer got: events up to {@code index} except the {@code gaps} it still waits for. */
    private record ChainerPosition(long index, java.util.Set<Long> gaps) {
        boolean handled(long globalIndex) {
            return globalIndex <= index && !gaps.contains(globalIndex);
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /**
     * The chainer's tracking token (Axon's gap-aware token, stored as JSON beside the events), or null
     * when it has none yet or it cannot be read.
     */
    private static ChainerPosition chainerPosition(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT token FROM TokenEntry WHERE processorName = ? AND segment = 0")) {
            select.setString(1, AuditChainer.PROCESSING_GROUP);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next() || row.getBytes(1) == null) {
                    return null;
                }
                var token = JSON.readTree(row.getBytes(1));
                if (!token.has("index")) {
                    return null;
                }
                java.util.Set<Long> gaps = new java.util.HashSet<>();
                token.path("gaps").forEach(gap -> gaps.add(gap.asLong()));
                return new ChainerPosition(token.get("index").asLong(), gaps);
            } catch (java.io.IOException e) {
                return null;
            }
        } catch (SQLException e) {
            // no token table (a store the platform never ran on)
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
            return null;
        }
    }

    /** A timestamp as Axon stores it (ISO-8601 text); an unreadable one counts as old. */
    private static boolean isBefore(String timeStamp, Instant limit) {
        try {
            return Instant.parse(timeStamp).isBefore(limit);
        } catch (RuntimeException e) {
            return true;
        }
    }
}
