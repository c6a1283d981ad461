package org.opennessledger.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opennessledger.platform.api.CoreLoopEndToEndTest.registerModelWithRelease;
import static org.opennessledger.platform.api.DisputeEndToEndTest.acceptedClaim;
import static org.opennessledger.platform.api.DisputeEndToEndTest.disputeBody;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every moderation endpoint tried as anonymous, reviewer, producer, admin and moderator: only the
 * moderator gets through; everyone else is refused (401 without a token, 403 with one) and the
 * refused attempts change nothing.
 */
class ModerationRoleMatrixTest {

    private final LedgerClient api = SharedPlatform.client();

    @Test
    void onlyModeratorsReachModerationEndpoints() {
        String modelId = registerModelWithRelease(api, "alice");
        String claimId = acceptedClaim(api, modelId);
        String disputeId = api.post("/api/claims/" + claimId + "/disputes", "bob", disputeBody("matrix"))
                .body().get("disputeId").asText();

        Map<String, Integer> expectedRefusal = new LinkedHashMap<>();
        expectedRefusal.put(null, 401);
        expectedRefusal.put("carol", 403); // reviewer
        expectedRefusal.put("paul", 403);  // producer
        expectedRefusal.put("ada", 403);   // admin
        for (var entry : expectedRefusal.entrySet()) {
            String user = entry.getKey();
            int status = entry.getValue();
            assertThat(api.get("/api/moderation/queue", user).status()).as("queue as %s", user).isEqualTo(status);
            assertThat(api.post("/api/disputes/" + disputeId + "/take", user, Map.of()).status())
                    .as("take as %s", user).isEqualTo(status);
            assertThat(api.post("/api/disputes/" + disputeId + "/resolution", user,
                    Map.of("decision", "overturn", "rationale", "not mine to decide")).status())
                    .as("resolve as %s", user).isEqualTo(status);
        }
        assertThat(api.get("/api/disputes/" + disputeId).body().get("state").asText()).isEqualTo("OPEN");

        assertThat(api.get("/api/moderation/queue", "noah").status()).isEqualTo(200);
        assertThat(api.post("/api/disputes/" + disputeId + "/take", "noah", Map.of()).status()).isEqualTo(200);
        assertThat(api.post("/api/disputes/" + disputeId + "/resolution", "noah",
                Map.of("decision", "uphold", "rationale", "evidence does not support the dispute")).status()).isEqualTo(200);
    }
}
