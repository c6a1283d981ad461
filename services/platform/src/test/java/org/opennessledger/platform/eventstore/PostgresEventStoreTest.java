package org.opennessledger.platform.eventstore;

import org.opennessledger.platform.TestEnvironment;

/**
 * The same event-store behaviour on a real PostgreSQL (started by {@code ./ledger test}).
 * Each test uses fresh aggregate ids, so runs share the database without interfering.
 */
class PostgresEventStoreTest extends EventStoreBehaviour {

    @Override
    EventStoreDatabase openDatabase() {
        TestEnvironment.Postgres postgres = TestEnvironment.postgres();
        return EventStoreDatabase.open(postgres.url(), postgres.user(), postgres.password(), "test PostgreSQL");
    }
}
