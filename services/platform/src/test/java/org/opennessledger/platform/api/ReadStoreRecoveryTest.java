package org.opennessledger.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opennessledger.platform.api.CoreLoopEndToEndTest.eventually;
import static org.opennessledger.platform.api.CoreLoopEndToEndTest.registerModelWithRelease;

import com.mongodb.client.model.Filters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opennessledger.assessments.readmodel.ReadModels;
import org.opennessledger.platform.Platform;

/**
 * The embedded read store can lose its last writes in a crash while keeping a later tracking
 * token. A run that did not close the store therefore makes the next start rebuild the read
 * models from the event store; a clean stop does not.
 */
class ReadStoreRecoveryTest {

    @Test
    void aStoreLeftOpenByACrashIsRebuiltFromTheEventStore() throws Exception {
        Path dataDir = SharedPlatform.newDataDir();
        String modelId;
        try (Platform first = SharedPlatform.start(Map.of(), dataDir)) {
            LedgerClient api = new LedgerClient(first.httpPort());
            modelId = registerModelWithRelease(api, "alice");
            assertThat(api.get("/api/models/" + modelId).status()).isEqualTo(200);
            // Stand-in for a write the crash lost: the document goes, the token stays.
            first.readStore().database().getCollection(ReadModels.MODEL_PAGES).deleteOne(Filters.eq("_id", modelId));
            assertThat(api.get("/api/models/" + modelId).status()).isEqualTo(404);
        }
        Path marker = dataDir.resolve("readstore").resolve("open.marker");
        assertThat(marker).as("a clean stop removes the marker").doesNotExist();

        try (Platform afterCleanStop = SharedPlatform.start(Map.of(), dataDir)) {
            LedgerClient api = new LedgerClient(afterCleanStop.httpPort());
            afterCleanStop.readModelsCaughtUp().get();
            assertThat(api.get("/api/models/" + modelId).status())
                    .as("a clean restart keeps the read models as they are").isEqualTo(404);
        }

        Files.writeString(marker, "left behind by a run that never closed the store\n");
        try (Platform afterCrash = SharedPlatform.start(Map.of(), dataDir)) {
            LedgerClient api = new LedgerClient(afterCrash.httpPort());
            var model = eventually(() -> api.get("/api/models/" + modelId), r -> r.status() == 200);
            assertThat(model.status()).isEqualTo(200);
            assertThat(model.body().get("releases").get(0).get("releaseId").asText()).isEqualTo("base-7b");
        }
    }
}
