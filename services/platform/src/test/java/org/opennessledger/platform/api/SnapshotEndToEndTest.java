package org.opennessledger.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opennessledger.platform.api.CoreLoopEndToEndTest.eventually;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opennessledger.platform.Platform;
import org.opennessledger.platform.cli.LedgerCli;

/**
 * A snapshot of the whole event log, exported from a stopped platform's data directory and
 * restored into a new one, gives the same read models document for document, the same chain head
 * and the same pending deadlines; a changed snapshot is refused with its line, restoring nothing.
 */
class SnapshotEndToEndTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int cli(String... args) {
        return LedgerCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    /** The rows of a table of the platform's event store database. */
    static long count(Platform platform, String table) throws Exception {
        try (Connection connection = platform.eventStoreDatabase().dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM " + table);
             ResultSet row = select.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    @Test
    void aSnapshotRestoresIntoAnEmptyStoreWithTheSameReadModelsHeadAndDeadlines(@TempDir Path snapshot) throws Exception {
        Path source = SharedPlatform.newDataDir();
        Map<String, List<String>> readModels;
        String head;
        long events;
        long deadlines;
        try (Platform platform = SharedPlatform.start(Map.of(), source)) {
            LedgerClient api = new LedgerClient(platform.httpPort());
            RebuildEndToEndTest.history(api);
            events = count(platform, "DomainEventEntry");
            deadlines = count(platform, "scheduled_tasks");
            assertThat(deadlines).as("claims accepted but not locked yet").isPositive();
            head = eventually(() -> api.get("/api/audit/head").body(), h -> h.get("position").asLong() == events)
                    .get("link").asText();
            platform.readModelsCaughtUp().get();
            readModels = RebuildEndToEndTest.dump(platform.readStore().database());
        }

        assertThat(cli("snapshot-export", snapshot.toString(), "--local", "--data-dir", source.toString()))
                .as(err.toString()).isZero();
        assertThat(out.toString()).contains(events + " events and " + deadlines + " deadlines")
                .contains("chain head " + head);
        assertThat(Files.readString(snapshot.resolve("head.json"))).contains(head);

        Path restored = SharedPlatform.newDataDir().resolve("restored");
        assertThat(cli("snapshot-import", snapshot.toString(), "--local", "--data-dir", restored.toString()))
                .as(out + "\n" + err).isZero();
        assertThat(out.toString()).contains("restored " + events + " events").contains(head + " is the snapshot's");
        try (Platform platform = SharedPlatform.start(Map.of(), restored)) {
            LedgerClient api = new LedgerClient(platform.httpPort());
            assertThat(api.get("/api/audit/head").body().get("link").asText()).isEqualTo(head);
            assertThat(count(platform, "scheduled_tasks")).isEqualTo(deadlines);
            platform.readModelsCaughtUp().get();
            assertThat(RebuildEndToEndTest.dump(platform.readStore().database())).isEqualTo(readModels);
            // the processes did not act on restored events a second time
            assertThat(count(platform, "DomainEventEntry")).isEqualTo(events);
        }

        // into a directory that is not empty: refused
        assertThat(cli("snapshot-import", snapshot.toString(), "--local", "--data-dir", source.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("is not empty");
        // a head published elsewhere that the snapshot does not end in: refused
        Path elsewhere = SharedPlatform.newDataDir().resolve("elsewhere");
        assertThat(cli("snapshot-import", snapshot.toString(), "--expect", "0".repeat(64), "--local", "--data-dir",
                elsewhere.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("not in the expected head");
        // deadlines are outside the chain, sealed by their digest in head.json
        Path deadlinesFile = snapshot.resolve("deadlines.jsonl");
        // (the first digit, raised by one: a change whatever the digit was)
        Files.writeString(deadlinesFile, java.util.regex.Pattern.compile("\\d").matcher(Files.readString(deadlinesFile))
                .replaceFirst(digit -> String.valueOf((digit.group().charAt(0) - '0' + 1) % 10)));
        assertThat(cli("snapshot-import", snapshot.toString(), "--local", "--data-dir", elsewhere.toString()))
                .isEqualTo(1);
        assertThat(err.toString()).contains("deadlines.jsonl: its digest");
        assertThat(elsewhere).doesNotExist();
    }

    @Test
    void aChangedSnapshotIsRefusedWithItsLineAndRestoresNothing(@TempDir Path snapshot) throws Exception {
        Path source = SharedPlatform.newDataDir();
        try (Platform platform = SharedPlatform.start(Map.of(), source)) {
            LedgerClient api = new LedgerClient(platform.httpPort());
            CoreLoopEndToEndTest.registerModelWithRelease(api, "alice");
            CoreLoopEndToEndTest.registerModelWithRelease(api, "bob");
            long events = count(platform, "DomainEventEntry");
            eventually(() -> api.get("/api/audit/head").body(), h -> h.get("position").asLong() == events);
        }
        assertThat(cli("snapshot-export", snapshot.toString(), "--local", "--data-dir", source.toString())).isZero();
        Path eventsFile = snapshot.resolve("events.jsonl");
        List<String> lines = new ArrayList<>(Files.readAllLines(eventsFile, StandardCharsets.UTF_8));
        assertThat(lines.get(2)).contains("Example Lab");
        lines.set(2, lines.get(2).replace("Example Lab", "Other Lab"));
        Files.write(eventsFile, lines, StandardCharsets.UTF_8);

        Path target = SharedPlatform.newDataDir().resolve("target");
        assertThat(cli("snapshot-import", snapshot.toString(), "--local", "--data-dir", target.toString()))
                .isEqualTo(1);
        assertThat(err.toString()).contains("events.jsonl line 3").contains("the snapshot was changed");
        assertThat(target).doesNotExist();
    }
}
