package org.opennessledger.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opennessledger.contracts.claims.ClaimReviewed;
import org.opennessledger.contracts.values.Verdict;

/** The event-store behaviour on the embedded default: an H2 file database. */
class H2EventStoreTest extends EventStoreBehaviour {

    @TempDir
    Path directory;

    @Override
    EventStoreDatabase openDatabase() {
        return EventStoreDatabase.embeddedH2(directory);
    }

    @Test
    void eventsSurviveClosingAndReopeningTheFile() {
        String claimId = UUID.randomUUID().toString();
        appendInTransaction(event(claimId, 0, proposed(claimId)));
        closeStore();

        openStore();

        assertThat(eventStore.readEvents(claimId).asStream().toList())
                .singleElement()
                .satisfies(e -> assertThat(e.getPayload()).isEqualTo(proposed(claimId)));
    }

    /**
     * H2 serves Axon's own query for a token with gaps ("range OR IN gaps") by reading the whole event
     * table; ours reads the batch's range and the gaps through the primary key.
     */
    @Test
    void aTokenWithGapsIsReadThroughThePrimaryKeyNotByReadingEveryEvent() throws Exception {
        String claimId = UUID.randomUUID().toString();
        List<DomainEventMessage<?>> events = new ArrayList<>();
        events.add(event(claimId, 0, proposed(claimId)));
        for (int sequence = 1; sequence < 2000; sequence++) {
            events.add(event(claimId, sequence, new ClaimReviewed(claimId, "r" + sequence, Verdict.AGREE, null, null,
                    sequence, 0)));
        }
        appendInTransaction(events.toArray(DomainEventMessage[]::new));
        long head = eventStore.createHeadToken().position().orElseThrow();

        EventSchema schema = new EventSchema();
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement explain = connection.prepareStatement("EXPLAIN ANALYZE " + GapReadsByIndex.sql(schema, 2))) {
            explain.setLong(1, head - 100); // a batch of 10 after the token's index
            explain.setLong(2, head - 90);
            explain.setLong(3, head - 150); // and two gaps below it
            explain.setLong(4, head - 120);
            try (ResultSet plan = explain.executeQuery()) {
                assertThat(plan.next()).isTrue();
                String text = plan.getString(1);
                long rowsRead = Pattern.compile("scanCount: (\\d+)").matcher(text).results()
                        .mapToLong(m -> Long.parseLong(m.group(1))).sum();
                assertThat(rowsRead).as(text).isLessThan(50);
            }
        }
    }
}
