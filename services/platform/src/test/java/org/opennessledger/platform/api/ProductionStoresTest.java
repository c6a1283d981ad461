package org.opennessledger.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opennessledger.platform.api.CoreLoopEndToEndTest.claimBody;
import static org.opennessledger.platform.api.CoreLoopEndToEndTest.eventually;
import static org.opennessledger.platform.api.CoreLoopEndToEndTest.propose;
import static org.opennessledger.platform.api.CoreLoopEndToEndTest.registerModelWithRelease;
import static org.opennessledger.platform.api.CoreLoopEndToEndTest.review;

import com.fasterxml.jackson.databind.JsonNode;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opennessledger.platform.Platform;
import org.opennessledger.platform.TestEnvironment;

/**
 * The production configuration: events in a real PostgreSQL (LEDGER_EVENTSTORE_URL) and read
 * models in a MongoDB reached by URL (LEDGER_MONGO_URL; here a separate mongo-java-server, since
 * no MongoDB server package exists on this machine). The core loop works unchanged, and a second
 * platform copy on the same stores serves what the first wrote; the audit chain verifies on PostgreSQL.
 */
class ProductionStoresTest {

    @Test
    void theCoreLoopRunsOnPostgresqlAndAnExternalMongoDb() {
        MongoServer mongo = new MongoServer(new MemoryBackend());
        var address = mongo.bind();
        TestEnvironment.Postgres postgres = TestEnvironment.postgres();
        Map<String, String> stores = Map.of(
                "LEDGER_EVENTSTORE_URL", postgres.url(),
                "LEDGER_EVENTSTORE_USER", postgres.user(),
                "LEDGER_EVENTSTORE_PASSWORD", postgres.password(),
                "LEDGER_MONGO_URL", "mongodb://127.0.0.1:" + address.getPort(),
                "LEDGER_MONGO_DATABASE", "ledger_production_test");
        String modelId;
        String claimId;
        try {
            try (Platform platform = SharedPlatform.start(stores)) {
                assertThat(platform.eventStoreDatabase().description()).startsWith("PostgreSQL at jdbc:postgresql:");
                assertThat(platform.readStore().description()).contains("MongoDB at mongodb://127.0.0.1:");
                LedgerClient api = new LedgerClient(platform.httpPort());
                modelId = registerModelWithRelease(api, "alice");
                claimId = propose(api, "alice", claimBody(modelId, "base-7b", "partial", "Apache-2.0 AND CC-BY-NC-4.0",
                        "code open, data card non-commercial"));
                review(api, "bob", claimId, "agree", null);
                review(api, "carol", claimId, "agree", null);
                JsonNode accepted = review(api, "noah", claimId, "agree", null);
                assertThat(accepted.get("status").asText()).isEqualTo("ACCEPTED");
                JsonNode v1 = api.get("/api/models/" + modelId + "/releases/base-7b/assessments/1").body();
                assertThat(v1.at("/components/0/claimId").asText()).isEqualTo(claimId);
            }
            try (Platform secondCopy = SharedPlatform.start(stores)) {
                LedgerClient api = new LedgerClient(secondCopy.httpPort());
                JsonNode claim = eventually(() -> api.get("/api/claims/" + claimId).body(),
                        c -> c != null && c.has("status"));
                assertThat(claim.get("status").asText()).isEqualTo("ACCEPTED");
                assertThat(claim.get("agreeCount").asInt()).isEqualTo(3);
                // the hash chain lives beside the events in PostgreSQL, and holds there too
                JsonNode verified = eventually(() -> api.get("/api/admin/audit/verification", "ada").body(),
                        v -> v.get("pending").asLong() == 0);
                assertThat(verified.get("ok").asBoolean()).as(verified.toString()).isTrue();
                assertThat(verified.get("checked").asLong()).isPositive();
            }
        } finally {
            mongo.shutdownNow();
        }
    }
}
