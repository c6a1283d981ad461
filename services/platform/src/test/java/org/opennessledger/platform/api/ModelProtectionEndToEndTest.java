package org.opennessledger.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opennessledger.platform.api.CoreLoopEndToEndTest.claimBody;
import static org.opennessledger.platform.api.CoreLoopEndToEndTest.list;
import static org.opennessledger.platform.api.CoreLoopEndToEndTest.propose;
import static org.opennessledger.platform.api.CoreLoopEndToEndTest.registerModelWithRelease;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opennessledger.platform.Platform;

/**
 * A moderator protects a model: proposing a claim about it then needs accepted claims of one's own
 * (one, by configuration, to keep the test short); lifting the protection opens it again. Both are
 * in the model's history with the moderator and the reason.
 */
class ModelProtectionEndToEndTest {

    @Test
    void protectionAdmitsOnlyProposersWithAcceptedClaimsUntilLifted() {
        try (Platform platform = SharedPlatform.start(Map.of("LEDGER_PROTECTION_MIN_ACCEPTED_CLAIMS", "1"))) {
            LedgerClient api = new LedgerClient(platform.httpPort());
            String modelId = registerModelWithRelease(api, "alice");
            String protection = "/api/models/" + modelId + "/protection";
            assertThat(api.get(protection).body().get("protected").asBoolean()).isFalse();

            // bob's first claim is accepted elsewhere; carol has none
            String elsewhere = registerModelWithRelease(api, "bob");
            DisputeEndToEndTest.acceptedClaimBy(api, elsewhere, "bob", List.of("alice", "carol", "dave"));

            assertThat(api.put(protection, "carol", Map.of("protected", true, "reason", "spam")).status())
                    .isEqualTo(403);
            var protectedNow = api.put(protection, "mia", Map.of("protected", true, "reason", "a wave of spam claims"));
            assertThat(protectedNow.status()).as(String.valueOf(protectedNow.body())).isEqualTo(200);
            assertThat(protectedNow.body().get("protected").asBoolean()).isTrue();
            assertThat(protectedNow.body().get("minimumAcceptedClaims").asInt()).isEqualTo(1);
            assertThat(protectedNow.body().get("by").asText()).isNotBlank();
            assertThat(api.get("/api/models/" + modelId).body().at("/protection/reason").asText())
                    .isEqualTo("a wave of spam claims");
            assertThat(api.put(protection, "noah", Map.of("protected", true, "reason", "again")).status())
                    .isEqualTo(409);

            int claimsBefore = api.get("/api/models/" + modelId).body().get("claims").size();
            var refused = api.post("/api/claims", "carol", claimBody(modelId, "base-7b", "open", "MIT", "spam?"));
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.body().get("detail").asText())
                    .contains("model " + modelId + " is protected").contains("and you have 0");
            assertThat(api.get("/api/models/" + modelId).body().get("claims").size()).isEqualTo(claimsBefore);
            propose(api, "bob", claimBody(modelId, "base-7b", "open", "MIT", "bob has an accepted claim"));

            var lifted = api.put(protection, "noah", Map.of("protected", false, "reason", "the wave is over"));
            assertThat(lifted.status()).as(String.valueOf(lifted.body())).isEqualTo(200);
            assertThat(lifted.body().get("protected").asBoolean()).isFalse();
            propose(api, "carol", claimBody(modelId, "base-7b", "closed", null, "open to everyone again"));

            List<JsonNode> history = list(api.get("/api/models/" + modelId + "/history").body());
            JsonNode protectedEntry = history.stream()
                    .filter(e -> "ModelProtected".equals(e.get("eventType").asText())).findFirst().orElseThrow();
            assertThat(protectedEntry.get("summary").asText()).contains("a wave of spam claims");
            assertThat(protectedEntry.get("actorRoles").toString()).contains("moderator");
            assertThat(history).filteredOn(e -> "ModelProtectionLifted".equals(e.get("eventType").asText()))
                    .singleElement().satisfies(e -> assertThat(e.get("summary").asText()).contains("the wave is over"));
        }
    }

    @Test
    void badProtectionRequestsAreRefusedAndChangeNothing() {
        LedgerClient api = SharedPlatform.client();
        String modelId = registerModelWithRelease(api, "alice");
        String protection = "/api/models/" + modelId + "/protection";
        assertThat(api.put(protection, "mia", Map.of("protected", true)).status()).isEqualTo(400);
        assertThat(api.put(protection, "mia", Map.of("protected", "yes", "reason", "r")).status()).isEqualTo(400);
        assertThat(api.put(protection, "mia", Map.of("protected", false, "reason", "nothing to lift")).status())
                .isEqualTo(409);
        assertThat(api.put("/api/models/no-such-model/protection", "mia", Map.of("protected", true, "reason", "r"))
                .status()).isEqualTo(404);
        assertThat(api.get(protection).body().get("protected").asBoolean()).isFalse();
    }
}
