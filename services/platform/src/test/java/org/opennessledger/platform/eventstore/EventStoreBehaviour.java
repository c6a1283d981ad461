package org.opennessledger.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennessledger.contracts.claims.ClaimProposed;
import org.opennessledger.contracts.claims.ClaimReviewed;
import org.opennessledger.contracts.values.ClaimTarget;
import org.opennessledger.contracts.values.ComponentId;
import org.opennessledger.contracts.values.Evidence;
import org.opennessledger.contracts.values.LedgerMetaData;
import org.opennessledger.contracts.values.Openness;
import org.opennessledger.contracts.values.Verdict;

/**
 * What the platform relies on from its event store, run against each supported database
 * (subclasses): ordered streams with metadata, optimistic locking, global tracking order,
 * snapshots, and atomic rollback.
 */
abstract class EventStoreBehaviour {

    EventStoreDatabase database;
    ThreadBoundTransactionManager transactionManager;
    JdbcEventStorageEngine engine;
    EmbeddedEventStore eventStore;

    abstract EventStoreDatabase openDatabase();

    @BeforeEach
    void openStore() {
        database = openDatabase();
        database.createDeadlineTable(); // idempotent: every test run repeats it on the same database
        transactionManager = new ThreadBoundTransactionManager(database.dataSource());
        engine = LedgerEventStorage.create(database, transactionManager, LedgerSerializers.messages(),
                LedgerSerializers.snapshots());
        eventStore = EmbeddedEventStore.builder().storageEngine(engine).build();
    }

    @AfterEach
    void closeStore() {
        eventStore.shutDown();
        database.close();
    }

    static DomainEventMessage<?> event(String aggregateId, long sequence, Object payload) {
        return new GenericDomainEventMessage<>("Claim", aggregateId, sequence, payload,
                MetaData.with(LedgerMetaData.ACTOR_ID, "subject-" + sequence)
                        .and(LedgerMetaData.ACTOR_ROLES, "reviewer")
                        .and(LedgerMetaData.REASON, "because " + sequence)
                        .and(LedgerMetaData.CORRELATION_ID, "corr-" + aggregateId));
    }

    static ClaimProposed proposed(String claimId) {
        return new ClaimProposed(claimId, ClaimTarget.release("llama-3", "llama-3.1-8b", ComponentId.FINAL_WEIGHTS),
                Openness.PARTIAL, "llama3.1-community",
                List.of(new Evidence("https://example.org/licence", "a quoted passage", LocalDate.of(2026, 11, 1), null)),
                "weights downloadable under a custom licence", "alice-subject", "v1");
    }

    void appendInTransaction(DomainEventMessage<?>... events) {
        transactionManager.executeInTransaction(() -> eventStore.publish(events));
    }

    @Test
    void aStreamReadsBackInOrderWithPayloadsAndMetadata() {
        String claimId = UUID.randomUUID().toString();
        appendInTransaction(event(claimId, 0, proposed(claimId)),
                event(claimId, 1, new ClaimReviewed(claimId, "bob", Verdict.AGREE, null, null, 1, 0)));

        List<? extends DomainEventMessage<?>> stream = eventStore.readEvents(claimId).asStream().toList();

        assertThat(stream).extracting(DomainEventMessage::getSequenceNumber).containsExactly(0L, 1L);
        assertThat(stream.get(0).getPayload()).isEqualTo(proposed(claimId));
        assertThat(stream.get(1).getPayload()).isEqualTo(new ClaimReviewed(claimId, "bob", Verdict.AGREE, null, null, 1, 0));
        assertThat(stream.get(1).getMetaData())
                .containsEntry(LedgerMetaData.ACTOR_ID, "subject-1")
                .containsEntry(LedgerMetaData.REASON, "because 1")
                .containsEntry(LedgerMetaData.CORRELATION_ID, "corr-" + claimId);
    }

    @Test
    void appendingASequenceNumberTwiceIsAConcurrencyConflictAndStoresNothing() {
        String claimId = UUID.randomUUID().toString();
        appendInTransaction(event(claimId, 0, proposed(claimId)));

        assertThatThrownBy(() -> appendInTransaction(
                event(claimId, 1, new ClaimReviewed(claimId, "bob", Verdict.AGREE, null, null, 1, 0)),
                event(claimId, 0, proposed(claimId))))
                .isInstanceOf(ConcurrencyException.class);

        assertThat(eventStore.readEvents(claimId).asStream().count()).isEqualTo(1);
    }

    @Test
    void aRolledBackTransactionLeavesNoEvents() {
        String claimId = UUID.randomUUID().toString();
        assertThatThrownBy(() -> transactionManager.executeInTransaction(() -> {
            eventStore.publish(event(claimId, 0, proposed(claimId)));
            throw new IllegalStateException("command failed after applying");
        })).hasMessageContaining("command failed");

        assertThat(eventStore.readEvents(claimId).asStream().count()).isZero();
    }

    @Test
    void trackingReadsNewEventsInGlobalOrderWithIncreasingPositions() throws Exception {
        TrackingToken before = eventStore.createHeadToken();
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        appendInTransaction(event(first, 0, proposed(first)));
        appendInTransaction(event(second, 0, proposed(second)));
        appendInTransaction(event(first, 1, new ClaimReviewed(first, "carol", Verdict.DISAGREE, "no data", null, 0, 1)));

        List<TrackedEventMessage<?>> tracked = new ArrayList<>();
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(before)) {
            while (tracked.size() < 3 && stream.hasNextAvailable(5, TimeUnit.SECONDS)) {
                tracked.add(stream.nextAvailable());
            }
        }

        assertThat(tracked).extracting(m -> ((DomainEventMessage<?>) m).getAggregateIdentifier())
                .containsExactly(first, second, first);
        long[] positions = tracked.stream().mapToLong(m -> m.trackingToken().position().orElseThrow()).toArray();
        assertThat(positions).isSorted().doesNotHaveDuplicates();
        assertThat(eventStore.createHeadToken().position().orElseThrow()).isEqualTo(positions[2]);
    }

    @Test
    void aTokenWithAGapReadsTheGapsEventAndThenWhatFollowsItsIndexInOrder() {
        TrackingToken before = eventStore.createHeadToken();
        String claimId = UUID.randomUUID().toString();
        appendInTransaction(event(claimId, 0, proposed(claimId)));
        for (int sequence = 1; sequence < 6; sequence++) {
            appendInTransaction(event(claimId, sequence,
                    new ClaimReviewed(claimId, "reviewer-" + sequence, Verdict.AGREE, null, null, sequence, 0)));
        }
        List<Long> positions = engine.readEvents(before, false).map(m -> m.trackingToken().position().orElseThrow())
                .toList();
        assertThat(positions).hasSize(6);

        // As if the second event had committed late: the token is past the fourth and still waits for the second.
        TrackingToken withGap = GapAwareTrackingToken.newInstance(positions.get(3), List.of(positions.get(1)));
        List<Long> sequences = engine.readEvents(withGap, false)
                .map(m -> ((DomainEventMessage<?>) m).getSequenceNumber()).toList();

        assertThat(sequences).containsExactly(1L, 4L, 5L);
    }

    @Test
    void theLatestSnapshotIsReturnedWithTheRemainingEvents() {
        String claimId = UUID.randomUUID().toString();
        appendInTransaction(event(claimId, 0, proposed(claimId)),
                event(claimId, 1, new ClaimReviewed(claimId, "bob", Verdict.AGREE, null, null, 1, 0)),
                event(claimId, 2, new ClaimReviewed(claimId, "carol", Verdict.AGREE, null, null, 2, 0)));
        transactionManager.executeInTransaction(() -> eventStore.storeSnapshot(
                new GenericDomainEventMessage<>("Claim", claimId, 1, new SnapshotState(claimId, 1))));

        List<? extends DomainEventMessage<?>> loaded = eventStore.readEvents(claimId).asStream().toList();

        assertThat(loaded.get(0).getPayload()).isEqualTo(new SnapshotState(claimId, 1));
        assertThat(loaded).extracting(DomainEventMessage::getSequenceNumber).containsExactly(1L, 2L);
    }

    /** Stands in for an aggregate's state in the snapshot test. */
    record SnapshotState(String claimId, int agreeCount) {
    }

}
