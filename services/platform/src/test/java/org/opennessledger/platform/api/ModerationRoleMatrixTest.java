package org.opennessledger.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opennessledger.platform.api.CoreLoopEndToEndTest.registerModelWithRelease;
import static org.opennessledger.platform.api.DisputeEndToEndTest.acceptedClaim;
import static org.opennessledger.platform.api.DisputeEndToEndTest.disputeBody;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Every moderation endpoint tried as anonymous, reviewer, producer, admin and moderator: the allowed
 * set is exactly {moderator}. Everyone else is refused (401 without a token, 403 with one), and the
 * refused attempts change nothing. Each attempt targets a state in which only the role can be the
 * reason for a refusal (the dispute is already taken, so resolving it is otherwise possible).
 */
class ModerationRoleMatrixTest {

    private final LedgerClient api = SharedPlatform.client();

    /** User (null: anonymous) to the status a refused moderation request gets. */
    private static final Map<String, Integer> NOT_MODERATORS = new LinkedHashMap<>();

    static {
        NOT_MODERATORS.put(null, 401);
        NOT_MODERATORS.put("carol", 403); // reviewer
        NOT_MODERATORS.put("paul", 403);  // producer
        NOT_MODERATORS.put("rita", 403);  // producer and reviewer
        NOT_MODERATORS.put("ada", 403);   // admin and reviewer
    }

    @Test
    void onlyModeratorsReachModerationEndpoints() {
        String modelId = registerModelWithRelease(api, "alice");
        String claimId = acceptedClaim(api, modelId);
        String disputeId = api.post("/api/claims/" + claimId + "/disputes", "bob", disputeBody("matrix"))
                .body().get("disputeId").asText();
        assertThat(api.post("/api/disputes/" + disputeId + "/take", "mia", Map.of()).status()).isEqualTo(200);
        String dispute = "/api/disputes/" + disputeId;
        String protection = "/api/models/" + modelId + "/protection";
        String miasSubject = api.get(dispute).body().get("ownerId").asText();

        Map<String, Function<String, LedgerClient.Response>> endpoints = new LinkedHashMap<>();
        endpoints.put("GET queue", user -> api.get("/api/moderation/queue", user));
        endpoints.put("take over", user -> api.post(dispute + "/take", user, Map.of("takeOver", true)));
        endpoints.put("resolve", user -> api.post(dispute + "/resolution", user,
                Map.of("decision", "overturn", "rationale", "not mine to decide")));
        endpoints.put("protect", user -> api.put(protection, user, Map.of("protected", true, "reason", "spam")));

        List<String> mismatches = new ArrayList<>();
        for (var endpoint : endpoints.entrySet()) {
            for (var user : NOT_MODERATORS.entrySet()) {
                int status = endpoint.getValue().apply(user.getKey()).status();
                if (status != user.getValue()) {
                    mismatches.add(endpoint.getKey() + " as " + user.getKey() + ": " + status);
                }
            }
        }
        assertThat(mismatches).as("refusals that did not happen as expected").isEmpty();
        assertThat(api.get(dispute).body().get("state").asText()).isEqualTo("TAKEN");
        assertThat(api.get(dispute).body().get("ownerId").asText()).isEqualTo(miasSubject);
        assertThat(api.get(protection).body().get("protected").asBoolean()).isFalse();

        // The same requests as moderators (noah takes it over from mia, then decides it).
        assertThat(endpoints.get("GET queue").apply("noah").status()).isEqualTo(200);
        assertThat(endpoints.get("take over").apply("noah").status()).isEqualTo(200);
        assertThat(endpoints.get("resolve").apply("noah").status()).isEqualTo(200);
        assertThat(endpoints.get("protect").apply("mia").status()).isEqualTo(200);
        assertThat(api.put(protection, "noah", Map.of("protected", false, "reason", "done")).status()).isEqualTo(200);
    }
}
