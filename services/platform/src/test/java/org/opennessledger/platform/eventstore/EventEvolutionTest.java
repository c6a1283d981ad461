package org.opennessledger.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opennessledger.contracts.claims.ClaimReviewed;
import org.opennessledger.contracts.models.ModelFamilyRegistered;
import org.opennessledger.contracts.values.Verdict;

/**
 * Events stored in an older shape still load: a ClaimReviewed of revision 1, stored (as the ledger
 * stored it until session 3) with its justification under "reason" and no revision, reads back as
 * today's ClaimReviewed; new ones are stored as revision 2. The stored row itself is not changed.
 */
class EventEvolutionTest {

    /** Revision 1 of ClaimReviewed exactly as the JSON serializer wrote it then. */
    private static final String REVISION_1 = "{\"claimId\":\"c-old\",\"reviewerId\":\"bob\",\"verdict\":\"DISAGREE\","
            + "\"reason\":\"no data card is published\",\"previousVerdict\":null,\"agreeCount\":0,\"disagreeCount\":1}";

    @TempDir
    Path directory;
    private EventStoreDatabase database;
    private JdbcEventStorageEngine engine;
    private EmbeddedEventStore eventStore;
    private ThreadBoundTransactionManager transactions;

    @BeforeEach
    void openStore() throws Exception {
        database = EventStoreDatabase.embeddedH2(directory);
        transactions = new ThreadBoundTransactionManager(database.dataSource());
        engine = LedgerEventStorage.create(database, transactions, LedgerSerializers.messages(),
                LedgerSerializers.snapshots());
        eventStore = EmbeddedEventStore.builder().storageEngine(engine).build();
    }

    @AfterEach
    void closeStore() {
        eventStore.shutDown();
        database.close();
    }

    @Test
    void aRevisionOneClaimReviewedLoadsWithItsJustificationAndTheRowStaysAsStored() throws Exception {
        storeWithoutRevision("Claim", "c-old", ClaimReviewed.class, REVISION_1, "bob");

        List<? extends DomainEventMessage<?>> events = eventStore.readEvents("c-old").asStream().toList();

        assertThat(events).hasSize(1);
        assertThat(events.get(0).getPayload()).isEqualTo(new ClaimReviewed("c-old", "bob", Verdict.DISAGREE,
                "no data card is published", null, 0, 1));
        assertThat(storedPayload("c-old")).isEqualTo(REVISION_1);
    }

    @Test
    void aNewClaimReviewedIsStoredAsRevisionTwoWithItsJustification() throws Exception {
        transactions.executeInTransaction(() -> eventStore.publish(new GenericDomainEventMessage<>("Claim", "c-new", 0,
                new ClaimReviewed("c-new", "carol", Verdict.DISAGREE, "weights are gated", null, 0, 1))));

        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT payloadRevision FROM DomainEventEntry WHERE aggregateIdentifier = 'c-new'");
             ResultSet row = select.executeQuery()) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString(1)).isEqualTo("2");
        }
        assertThat(storedPayload("c-new")).contains("\"justification\":\"weights are gated\"").doesNotContain("reason");
        assertThat(eventStore.readEvents("c-new").asStream().toList().get(0).getPayload())
                .isEqualTo(new ClaimReviewed("c-new", "carol", Verdict.DISAGREE, "weights are gated", null, 0, 1));
    }

    /** A field added without a revision (session 4's model type) reads as null from the rows stored before it. */
    @Test
    void aModelFamilyRegisteredStoredBeforeModelTypesLoadsWithoutAType() throws Exception {
        String before = "{\"modelId\":\"m-old\",\"name\":\"Old\",\"producer\":\"Lab\",\"description\":null,"
                + "\"registeredBy\":\"alice\"}";
        storeWithoutRevision("ModelFamily", "m-old", ModelFamilyRegistered.class, before, "alice");

        assertThat(eventStore.readEvents("m-old").asStream().toList().get(0).getPayload())
                .isEqualTo(new ModelFamilyRegistered("m-old", "Old", "Lab", null, "alice", null));
    }

    /** Stores {@code payload} as the first event of an aggregate, with no revision, as older code wrote rows. */
    private void storeWithoutRevision(String type, String aggregateId, Class<?> payloadType, String payload,
                                      String actor) throws Exception {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO DomainEventEntry (eventIdentifier, "
                     + "payloadType, payloadRevision, payload, metaData, timeStamp, type, aggregateIdentifier, "
                     + "sequenceNumber) VALUES (?, ?, NULL, ?, ?, ?, ?, ?, 0)")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, payloadType.getName());
            insert.setBytes(3, payload.getBytes(StandardCharsets.UTF_8));
            insert.setBytes(4, ("{\"actorId\":\"" + actor + "\"}").getBytes(StandardCharsets.UTF_8));
            insert.setString(5, "2026-06-01T10:00:00Z");
            insert.setString(6, type);
            insert.setString(7, aggregateId);
            insert.executeUpdate();
        }
    }

    private String storedPayload(String aggregateId) throws Exception {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT payload FROM DomainEventEntry WHERE aggregateIdentifier = ?")) {
            select.setString(1, aggregateId);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return new String(row.getBytes(1), StandardCharsets.UTF_8);
            }
        }
    }
}
