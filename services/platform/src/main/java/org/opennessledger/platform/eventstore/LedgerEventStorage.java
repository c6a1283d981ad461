package org.opennessledger.platform.eventstore;

import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.serialization.Serializer;

/** Builds Axon's JDBC storage engine on an {@link EventStoreDatabase} and creates its tables. */
public final class LedgerEventStorage {

    private LedgerEventStorage() {
    }

    public static JdbcEventStorageEngine create(EventStoreDatabase database,
                                                ThreadBoundTransactionManager transactionManager,
                                                Serializer eventSerializer,
                                                Serializer snapshotSerializer) {
        JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder()
                .connectionProvider(transactionManager.connectionProvider())
                .transactionManager(transactionManager)
                .eventSerializer(eventSerializer)
                .snapshotSerializer(snapshotSerializer)
                // old revisions of stored events are brought to their current shape as they are read
                .upcasterChain(LedgerSerializers.upcasters())
                // Appends are JDBC batches: without this a duplicate key surfaces as a plain
                // EventStoreException instead of a ConcurrencyException the gateway can retry.
                // SQLSTATE 23505 (unique violation) on both H2 and PostgreSQL.
                .persistenceExceptionResolver(new SQLStateResolver("23505"))
                .dataType(byte[].class)
                .readEventDataWithGaps(new GapReadsByIndex())
                .build();
        // Axon's PostgreSQL DDL ("CREATE TABLE IF NOT EXISTS", BIGSERIAL, BYTEA) is accepted by H2 2.x
        // too, whereas its HSQL factory is not.
        engine.createSchema(PostgresEventTableFactory.INSTANCE);
        return engine;
    }
}
