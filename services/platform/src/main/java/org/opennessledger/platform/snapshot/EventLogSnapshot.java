package org.opennessledger.platform.snapshot;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.opennessledger.platform.audit.AuditLog;
import org.opennessledger.platform.audit.ChainLinks;
import org.opennessledger.platform.audit.StoredEvent;

/**
 * A full copy of the event log, sealed by its hash chain: {@code events.jsonl} (every event as
 * stored, in chain order, each with its link), {@code deadlines.jsonl} (the scheduled deadlines,
 * e.g. claims still to lock) and {@code head.json} (the count and the last link). Reading a snapshot
 * recomputes every link, so a changed, dropped or reordered line is refused with its line number
 * before anything is restored. Restoring into an empty event store reproduces the same chain.
 */
public final class EventLogSnapshot {

    public static final String FORMAT = "openness-ledger/snapshot@1";
    public static final String EVENTS = "events.jsonl";
    public static final String DEADLINES = "deadlines.jsonl";
    public static final String HEAD = "head.json";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** One event line: text fields as stored; payload and metadata as text when they are UTF-8, else base64. */
    record EventLine(long position, Long sourceGlobalIndex, String eventIdentifier, String payloadType,
                     String payloadRevision, String aggregateType, String aggregateIdentifier, long sequenceNumber,
                     String timeStamp, String payload, String payloadBase64, String metaData, String metaDataBase64,
                     String link) {
    }

    /** One scheduled deadline, as db-scheduler keeps it. */
    record DeadlineLine(String taskName, String taskInstance, String taskDataBase64, Instant executionTime) {
    }

    /** {@code deadlinesSha256}: the digest of deadlines.jsonl, which the chain does not cover. */
    public record Head(String format, String algorithm, long events, String link, long deadlines,
                       String deadlinesSha256, Instant exportedAt) {
    }

    /** A snapshot checked from end to end: its head and deadlines (events are streamed from the file). */
    public record Contents(Path dir, Head head, List<DeadlineLine> deadlines) {
    }

    /** Takes the events of a snapshot one by one. */
    @FunctionalInterface
    interface EventSink {
        void accept(StoredEvent event) throws SQLException;
    }

    private EventLogSnapshot() {
    }

    /**
     * Writes the log: the chained events in chain order, then events not chained yet in the order of
     * the global sequence (the chain continued over them, as the chainer will continue it). Refuses
     * a log whose stored chain does not hold.
     */
    public static Head write(Connection connection, Path dir, Instant now) throws SQLException, IOException {
        var verification = AuditLog.verify(connection, null);
        if (verification.brokenCount() > 0) {
            throw new IllegalStateException("the event log does not verify (" + verification.brokenCount()
                    + " broken links, first at global index " + verification.broken().get(0).globalIndex()
                    + "): run ./ledger verify; a snapshot of it would not be sealed by its chain");
        }
        Files.createDirectories(dir);
        long count = 0;
        String link = ChainLinks.GENESIS;
        try (BufferedWriter out = Files.newBufferedWriter(dir.resolve(EVENTS), StandardCharsets.UTF_8)) {
            long[] written = {0};
            String[] last = {ChainLinks.GENESIS};
            AuditLog.forEachInChainOrder(connection, event -> {
                last[0] = ChainLinks.next(last[0], event);
                written[0]++;
                out.write(JSON.writeValueAsString(line(written[0], event, last[0])));
                out.write('\n');
            });
            count = written[0];
            link = last[0];
        }
        long deadlines = 0;
        try (BufferedWriter out = Files.newBufferedWriter(dir.resolve(DEADLINES), StandardCharsets.UTF_8);
             PreparedStatement select = connection.prepareStatement("SELECT task_name, task_instance, task_data, "
                     + "execution_time FROM scheduled_tasks ORDER BY task_name, task_instance");
             ResultSet row = select.executeQuery()) {
            while (row.next()) {
                byte[] data = row.getBytes(3);
                out.write(JSON.writeValueAsString(new DeadlineLine(row.getString(1), row.getString(2),
                        data == null ? null : Base64.getEncoder().encodeToString(data),
                        row.getTimestamp(4).toInstant())));
                out.write('\n');
                deadlines++;
            }
        }
        Head head = new Head(FORMAT, ChainLinks.ALGORITHM, count, link, deadlines,
                sha256(Files.readAllBytes(dir.resolve(DEADLINES))), now);
        Files.writeString(dir.resolve(HEAD), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(head) + "\n");
        return head;
    }

    private static EventLine line(long position, StoredEvent event, String link) {
        String payload = utf8(event.payload());
        String metaData = utf8(event.metaData());
        return new EventLine(position, event.globalIndex(), event.eventIdentifier(), event.payloadType(),
                event.payloadRevision(), event.aggregateType(), event.aggregateIdentifier(), event.sequenceNumber(),
                event.timeStamp(), payload, payload == null && event.payload() != null
                ? Base64.getEncoder().encodeToString(event.payload()) : null,
                metaData, metaData == null && event.metaData() != null
                ? Base64.getEncoder().encodeToString(event.metaData()) : null, link);
    }

    /** The bytes as text when they are valid UTF-8 (so they read back byte for byte), else null. */
    private static String utf8(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Reads and checks a snapshot: every line parses, every link recomputes, the count and head match. */
    public static Contents read(Path dir) throws IOException, SnapshotException {
        Head head;
        try {
            head = JSON.readValue(dir.resolve(HEAD).toFile(), Head.class);
        } catch (JsonProcessingException e) {
            throw new SnapshotException(HEAD + ": not a snapshot head: " + e.getOriginalMessage());
        }
        if (!FORMAT.equals(head.format()) || !ChainLinks.ALGORITHM.equals(head.algorithm())) {
            throw new SnapshotException(HEAD + ": format " + head.format() + " / " + head.algorithm()
                    + " is not " + FORMAT + " / " + ChainLinks.ALGORITHM);
        }
        long events = forEachEvent(dir, head, event -> { });
        if (events != head.events()) {
            throw new SnapshotException(HEAD + ": says " + head.events() + " events, the events file has " + events);
        }
        if (!sha256(Files.readAllBytes(dir.resolve(DEADLINES))).equals(head.deadlinesSha256())) {
            throw new SnapshotException(DEADLINES + ": its digest is not the one head.json records; the snapshot was changed");
        }
        List<DeadlineLine> deadlines = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(dir.resolve(DEADLINES), StandardCharsets.UTF_8)) {
            String text;
            int number = 0;
            while ((text = in.readLine()) != null) {
                number++;
                try {
                    deadlines.add(JSON.readValue(text, DeadlineLine.class));
                } catch (JsonProcessingException e) {
                    throw new SnapshotException(DEADLINES + " line " + number + ": " + e.getOriginalMessage());
                }
            }
        }
        return new Contents(dir, head, List.copyOf(deadlines));
    }

    /**
     * Streams the events file, recomputing each link from the one before; returns the count. Fails
     * at the first line that does not parse or whose link does not follow, and if the last link is
     * not the head's.
     */
    private static long forEachEvent(Path dir, Head head, EventSink sink) throws IOException, SnapshotException {
        String link = ChainLinks.GENESIS;
        long number = 0;
        try (BufferedReader in = Files.newBufferedReader(dir.resolve(EVENTS), StandardCharsets.UTF_8)) {
            String text;
            while ((text = in.readLine()) != null) {
                number++;
                EventLine line;
                try {
                    line = JSON.readValue(text, EventLine.class);
                } catch (JsonProcessingException e) {
                    throw new SnapshotException(EVENTS + " line " + number + ": " + e.getOriginalMessage());
                }
                StoredEvent event = new StoredEvent(line.sourceGlobalIndex() == null ? 0 : line.sourceGlobalIndex(),
                        line.eventIdentifier(), line.payloadType(), line.payloadRevision(), line.aggregateType(),
                        line.aggregateIdentifier(), line.sequenceNumber(), line.timeStamp(),
                        bytes(line.payload(), line.payloadBase64()), bytes(line.metaData(), line.metaDataBase64()));
                link = ChainLinks.next(link, event);
                if (line.position() != number || !link.equals(line.link())) {
                    throw new SnapshotException(EVENTS + " line " + number + " (event " + line.eventIdentifier()
                            + "): its link does not follow from the lines before it; the snapshot was changed");
                }
                try {
                    sink.accept(event);
                } catch (SQLException e) {
                    throw new SnapshotException(EVENTS + " line " + number + ": cannot be stored: " + e.getMessage());
                }
            }
        }
        if (!link.equals(head.link())) {
            throw new SnapshotException(HEAD + ": says the chain ends in " + head.link() + ", the events file ends in "
                    + link + " (lines missing or added at the end)");
        }
        return number;
    }

    /** The rows of a table, 0 when the table does not exist yet (its statement is rolled back). */
    private static long rowsIfPresent(Connection connection, String table) throws SQLException {
        java.sql.Savepoint before = connection.setSavepoint();
        try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM " + table);
             ResultSet row = count.executeQuery()) {
            row.next();
            return row.getLong(1);
        } catch (SQLException missing) {
            connection.rollback(before);
            return 0;
        }
    }

    private static byte[] bytes(String text, String base64) {
        return text != null ? text.getBytes(StandardCharsets.UTF_8)
                : base64 != null ? Base64.getDecoder().decode(base64) : null;
    }

    /**
     * Appends the snapshot's events (in chain order; the store numbers them anew) and deadlines to an
     * event store that holds no event yet, in the caller's transaction.
     */
    public static void restore(Connection connection, Contents snapshot)
            throws SQLException, IOException, SnapshotException {
        // Nothing of another ledger may remain: no events, no chain, no positions, no deadlines.
        for (String table : List.of("DomainEventEntry", "audit_chain", "TokenEntry", "scheduled_tasks")) {
            long rows = rowsIfPresent(connection, table);
            if (rows > 0) {
                throw new SnapshotException("the event store already holds " + rows + " rows in " + table
                        + ": a snapshot is restored into an empty store only");
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO DomainEventEntry (eventIdentifier, "
                + "payloadType, payloadRevision, payload, metaData, timeStamp, type, aggregateIdentifier, "
                + "sequenceNumber) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            long[] batched = {0};
            // Checked again while inserting: the file is read twice, and must not change in between.
            forEachEvent(snapshot.dir(), snapshot.head(), event -> {
                insert.setString(1, event.eventIdentifier());
                insert.setString(2, event.payloadType());
                insert.setString(3, event.payloadRevision());
                insert.setBytes(4, event.payload());
                insert.setBytes(5, event.metaData());
                insert.setString(6, event.timeStamp());
                insert.setString(7, event.aggregateType());
                insert.setString(8, event.aggregateIdentifier());
                insert.setLong(9, event.sequenceNumber());
                insert.addBatch();
                // batches keep the order: the store numbers the events in the snapshot's order
                if (++batched[0] % 500 == 0) {
                    insert.executeBatch();
                }
            });
            insert.executeBatch();
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO scheduled_tasks (task_name, "
                + "task_instance, task_data, execution_time, picked, version) VALUES (?, ?, ?, ?, FALSE, 1)")) {
            for (DeadlineLine deadline : snapshot.deadlines()) {
                insert.setString(1, deadline.taskName());
                insert.setString(2, deadline.taskInstance());
                insert.setBytes(3, deadline.taskDataBase64() == null ? null
                        : Base64.getDecoder().decode(deadline.taskDataBase64()));
                insert.setTimestamp(4, Timestamp.from(deadline.executionTime()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** A snapshot that cannot be read or restored, with where and why. */
    public static final class SnapshotException extends Exception {
        public SnapshotException(String message) {
            super(message);
        }
    }
}
