package org.opennessledger.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
}
