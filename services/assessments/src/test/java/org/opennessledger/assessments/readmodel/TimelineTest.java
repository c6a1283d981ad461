package org.opennessledger.assessments.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Collections;
import java.util.stream.LongStream;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.opennessledger.contracts.views.HistoryEntryView;
import org.opennessledger.contracts.views.TimelinePageView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The whole history, newest or oldest first, read by looking positions up by {@code _id} (the embedded
 * mongo-java-server has no other index; a sort over every entry took seconds at 120k events). Small windows
 * here so that holes and long runs of events without an entry span several of them.
 */
class TimelineTest {

    private static final Instant START = Instant.parse("2025-03-01T09:00:00Z");

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client;
    private final MongoDatabase database;
    /** The filters of the finds sent to the history collection, in order. */
    private final List<BsonDocument> historyFinds = new ArrayList<>();

    TimelineTest() {
        server.bind("127.0.0.1", 0);
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + server.getLocalAddress().getPort()))
                .addCommandListener(new CommandListener() {
                    @Override
                    public void commandStarted(CommandStartedEvent event) {
                        if (event.getCommandName().equals("find")
                                && event.getCommand().getString("find").getValue().equals(ReadModels.HISTORY)) {
                            synchronized (historyFinds) {
                                historyFinds.add(event.getCommand().getDocument("filter").clone());
                            }
                        }
                    }
                })
                .build());
        database = client.getDatabase("timeline");
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    private Timeline timeline(int window, int walkLimit) {
        return new Timeline(database.getCollection(ReadModels.HISTORY), database.getCollection(ReadModels.HISTORY_HEAD),
                window, walkLimit);
    }

    private static void record(Timeline timeline, long position, String eventType) {
        timeline.record(new EventContext("event-" + position, position, START.plusSeconds(position), eventType,
                "actor-" + position % 3, "reviewer", null, "corr-" + position, false), "entry " + position,
                "model-a", null, null);
    }

    /** Positions 0..299 hold entries except a run of 80 (events without one, e.g. flags) and every 7th. */
    private static List<Long> recordedPositions() {
        return LongStream.range(0, 300).filter(p -> (p < 100 || p >= 180) && p % 7 != 3).boxed().toList();
    }

    private static List<Long> reversed(List<Long> positions) {
        List<Long> copy = new ArrayList<>(positions);
        Collections.reverse(copy);
        return copy;
    }

    private static List<Long> readAll(Timeline timeline, boolean newestFirst, List<String> kinds, int limit) {
        List<Long> positions = new ArrayList<>();
        Long cursor = null;
        for (int pages = 0; pages < 1_000; pages++) {
            TimelinePageView page = timeline.page("all", null, kinds, null, null, cursor, newestFirst, limit);
            assertThat(page.entries()).hasSizeLessThanOrEqualTo(limit);
            page.entries().forEach(entry -> positions.add(entry.position()));
            if (page.next() == null) {
                return positions;
            }
            cursor = page.next();
        }
        throw new AssertionError("no end after 1,000 pages");
    }

    @Test
    void theWholeHistoryPagesThroughEveryEntryOnceAcrossHolesAndLongRunsWithoutEntries() {
        Timeline timeline = timeline(10, 1_000);
        recordedPositions().forEach(p -> record(timeline, p, "ClaimReviewed"));
        timeline.handledUpTo(299); // the last events (296..299 here) left no entry

        List<Long> newestFirst = readAll(timeline, true, List.of(), 25);
        List<Long> oldestFirst = readAll(timeline, false, List.of(), 25);

        assertThat(newestFirst).isEqualTo(reversed(recordedPositions()));
        assertThat(oldestFirst).isEqualTo(recordedPositions());
    }

    @Test
    void theNewestPageShowsEntriesAboveTheHandledPositionAndNeedsNoneAtAll() {
        Timeline timeline = timeline(10, 1_000);
        LongStream.range(0, 50).forEach(p -> record(timeline, p, "ClaimReviewed"));

        // nothing handled written yet (a first batch in progress): every entry is found from the start
        assertThat(timeline.page("all", null, List.of(), null, null, null, true, 3).entries())
                .extracting(HistoryEntryView::position).containsExactly(49L, 48L, 47L);
        timeline.handledUpTo(29); // a batch wrote entries up to 49 but has not committed its position yet
        assertThat(timeline.page("all", null, List.of(), null, null, null, true, 3).entries())
                .extracting(HistoryEntryView::position).containsExactly(49L, 48L, 47L);
        timeline.handledUpTo(20); // an older batch's position arriving late does not move it back
        assertThat(database.getCollection(ReadModels.HISTORY_HEAD).find().first().get("position", Number.class).longValue())
                .isEqualTo(29);
    }

    @Test
    void filtersKeepTheirKindsAndTimesAndAWalkCutShortEndsWithACursorToGoOnFrom() {
        Timeline timeline = timeline(10, 100);
        recordedPositions().forEach(p -> record(timeline, p, p % 40 == 0 ? "ClaimAccepted" : "ClaimReviewed"));
        timeline.handledUpTo(299);
        List<Long> accepted = recordedPositions().stream().filter(p -> p % 40 == 0).toList();

        // at most 100 positions per page: the first page stops short of the limit and says where to go on
        TimelinePageView first = timeline.page("all", null, List.of("ClaimAccepted"), null, null, null, true, 5);
        assertThat(first.entries()).hasSizeLessThan(5).allSatisfy(e -> assertThat(e.eventType()).isEqualTo("ClaimAccepted"));
        assertThat(first.next()).isNotNull();
        assertThat(readAll(timeline, true, List.of("ClaimAccepted"), 5)).isEqualTo(reversed(accepted));
        assertThat(readAll(timeline, false, List.of("ClaimAccepted"), 5)).isEqualTo(accepted);

        // each entry's time is START + its position in seconds
        TimelinePageView between = timeline.page("all", null, List.of(), START.plusSeconds(200), START.plusSeconds(209),
                null, true, 50);
        assertThat(between.entries()).extracting(HistoryEntryView::position)
                .containsExactlyElementsOf(reversed(recordedPositions().stream().filter(p -> p >= 200 && p <= 209).toList()));
    }

    @Test
    void aPageOfTheWholeHistoryLooksUpPositionsByIdNearWhereItStartsOnly() {
        Timeline timeline = timeline(Timeline.WINDOW, Timeline.WALK_LIMIT);
        LongStream.range(0, 3_500).forEach(p -> record(timeline, p, "ClaimReviewed"));
        timeline.handledUpTo(3_499);
        historyFinds.clear();

        TimelinePageView newest = timeline.page("all", null, List.of(), null, null, null, true, 50);
        TimelinePageView older = timeline.page("all", null, List.of(), null, null, newest.next(), true, 50);

        assertThat(newest.entries()).extracting(HistoryEntryView::position)
                .containsExactlyElementsOf(reversed(LongStream.rangeClosed(3_450, 3_499).boxed().toList()));
        assertThat(older.entries().get(0).position()).isEqualTo(3_449);
        // Every find names _id alone (the only index mongo-java-server has), with at most a window of positions,
        // all within two windows of the newest entry: the older entries are never read.
        assertThat(historyFinds).isNotEmpty().allSatisfy(filter -> {
            assertThat(filter.keySet()).containsExactly("_id");
            List<BsonValue> ids = filter.getDocument("_id").getArray("$in").getValues();
            assertThat(ids).hasSizeLessThanOrEqualTo(Timeline.WINDOW);
            assertThat(ids).allSatisfy(id -> assertThat(id.asInt64().getValue()).isGreaterThan(3_499 - 2L * Timeline.WINDOW));
        });
    }
}
