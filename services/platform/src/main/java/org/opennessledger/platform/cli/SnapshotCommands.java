package org.opennessledger.platform.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.opennessledger.contracts.views.AuditHeadView;
import org.opennessledger.platform.Platform;
import org.opennessledger.platform.PlatformSettings;
import org.opennessledger.platform.audit.AuditLog;
import org.opennessledger.platform.eventstore.EventStoreDatabase;
import org.opennessledger.platform.eventstore.LedgerEventStorage;
import org.opennessledger.platform.eventstore.LedgerSerializers;
import org.opennessledger.platform.eventstore.ThreadBoundTransactionManager;
import org.opennessledger.platform.snapshot.EventLogSnapshot;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code ./ledger export snapshot <dir>} and {@code ./ledger import snapshot <dir>}: the whole event
 * log sealed by its hash chain, and its restoration into an empty store. Both read or write the event
 * store directly: a stopped platform's data directory ({@code --local}), or the PostgreSQL named by
 * LEDGER_EVENTSTORE_URL (its read models then in LEDGER_MONGO_URL).
 */
final class SnapshotCommands {

    private SnapshotCommands() {
    }

    /** The event store the command works on, or null after saying why there is none. */
    private static EventStoreDatabase database(LocalData localData, PrintWriter err) {
        if (localData.local) {
            return EventStoreDatabase.embeddedH2(localData.directory().resolve("eventstore"));
        }
        String url = System.getenv("LEDGER_EVENTSTORE_URL");
        if (url == null || url.isBlank()) {
            err.println("a snapshot is read from or written to the event store directly: give --local (a stopped"
                    + " platform's data directory) or set LEDGER_EVENTSTORE_URL");
            return null;
        }
        return EventStoreDatabase.open(url, System.getenv().getOrDefault("LEDGER_EVENTSTORE_USER", ""),
                System.getenv().getOrDefault("LEDGER_EVENTSTORE_PASSWORD", ""), "PostgreSQL");
    }

    @Command(name = "snapshot-export", description = "Write the whole event log, sealed by its hash chain, into a directory")
    static final class Export implements Callable<Integer> {

        @Parameters(index = "0", description = "The directory to write events.jsonl, deadlines.jsonl and head.json into")
        Path dir;

        @CommandLine.Mixin
        LocalData localData;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (localData.local && localData.problem() != null) {
                err.println(localData.problem());
                return 2;
            }
            EventLogSnapshot.Head head;
            try (EventStoreDatabase database = database(localData, err)) {
                if (database == null) {
                    return 2;
                }
                try (Connection connection = database.dataSource().getConnection()) {
                    connection.setAutoCommit(false);
                    connection.setReadOnly(true);
                    // one consistent view of events, chain and deadlines while a platform may be writing
                    connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                    head = EventLogSnapshot.write(connection, dir, Instant.now());
                    connection.rollback();
                }
            } catch (IllegalStateException e) {
                err.println(e.getMessage());
                return 1;
            } catch (java.io.IOException e) {
                err.println("cannot write the snapshot into " + dir + ": " + e.getMessage());
                return 2;
            } catch (Exception e) {
                err.println(LocalData.inUse(localData.directory(), e));
                return 2;
            }
            out.println(head.events() + " events and " + head.deadlines() + " deadlines written to " + dir
                    + "; chain head " + head.link());
            return 0;
        }
    }

    @Command(name = "snapshot-import", description = "Restore a snapshot into an empty event store and build its read models")
    static final class Import implements Callable<Integer> {

        @Parameters(index = "0", description = "A directory written by snapshot-export")
        Path dir;

        @picocli.CommandLine.Option(names = "--expect", description = "A head published earlier (64 hex digits): the"
                + " snapshot must end in it, or a copy anyone could recompute is refused")
        String expectedHead;

        @CommandLine.Mixin
        LocalData localData;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            EventLogSnapshot.Contents snapshot;
            try {
                snapshot = EventLogSnapshot.read(dir);
            } catch (EventLogSnapshot.SnapshotException e) {
                err.println(dir + ": " + e.getMessage());
                return 1;
            } catch (java.io.IOException e) {
                err.println("cannot read the snapshot in " + dir + ": " + e.getMessage());
                return 2;
            }
            if (expectedHead != null && !expectedHead.equalsIgnoreCase(snapshot.head().link())) {
                err.println(dir + ": the snapshot ends in " + snapshot.head().link() + ", not in the expected head "
                        + expectedHead);
                return 1;
            }
            if (localData.local && !emptyOrMissing(localData.directory())) {
                err.println(localData.directory() + " is not empty: a snapshot is restored into a new data directory");
                return 2;
            }
            try (EventStoreDatabase database = database(localData, err)) {
                if (database == null) {
                    return 2;
                }
                // the tables a platform would create, then the events and deadlines in one transaction
                LedgerEventStorage.create(database, new ThreadBoundTransactionManager(database.dataSource()),
                        LedgerSerializers.messages(), LedgerSerializers.snapshots());
                database.createDeadlineTable();
                try (Connection connection = database.dataSource().getConnection()) {
                    connection.setAutoCommit(false);
                    try {
                        EventLogSnapshot.restore(connection, snapshot);
                        connection.commit();
                    } catch (EventLogSnapshot.SnapshotException e) {
                        connection.rollback();
                        err.println(dir + ": " + e.getMessage());
                        return 1;
                    }
                }
            }
            // A platform on the restored store chains the events and builds the read models; the
            // processes begin at the head, so nothing already decided is decided again.
            Map<String, String> environment = localData.local ? localData.environment()
                    : LocalData.ephemeralHttp(System.getenv());
            AuditHeadView chained;
            try (Platform platform = Platform.start(PlatformSettings.fromEnvironment(environment))) {
                platform.awaitReadModels(Duration.ofHours(6));
                chained = awaitChain(platform, snapshot.head().events(), Duration.ofHours(1));
            }
            if (!snapshot.head().link().equals(chained.link())) {
                err.println("restored " + snapshot.head().events() + " events, but the chain's head is " + chained.link()
                        + " instead of the snapshot's " + snapshot.head().link());
                return 1;
            }
            out.println("restored " + snapshot.head().events() + " events and " + snapshot.deadlines().size()
                    + " deadlines; the read models are built and the chain's head " + chained.link()
                    + " is the snapshot's");
            return 0;
        }

        private static boolean emptyOrMissing(Path directory) throws java.io.IOException {
            if (!Files.exists(directory)) {
                return true;
            }
            try (Stream<Path> entries = Files.list(directory)) {
                return entries.findAny().isEmpty();
            }
        }

        private static AuditHeadView awaitChain(Platform platform, long events, Duration patience) throws Exception {
            long deadline = System.nanoTime() + patience.toNanos();
            while (true) {
                AuditHeadView head;
                try (Connection connection = platform.eventStoreDatabase().dataSource().getConnection()) {
                    head = AuditLog.head(connection);
                }
                if (head.position() >= events) {
                    // deadlines already due fire at start and are chained after the restored events
                    try (Connection connection = platform.eventStoreDatabase().dataSource().getConnection()) {
                        return AuditLog.linkAt(connection, events).orElse(head);
                    }
                }
                if (System.nanoTime() > deadline) {
                    return head;
                }
                Thread.sleep(50);
            }
        }
    }
}
