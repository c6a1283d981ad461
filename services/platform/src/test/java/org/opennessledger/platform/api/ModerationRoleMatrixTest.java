package org.opennessledger.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opennessledger.platform.api.CoreLoopEndToEndTest.claimBody;
import static org.opennessledger.platform.api.CoreLoopEndToEndTest.propose;
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
 * Every moderation endpoint (queue, take over, resolve, protect, hide, unhide, dismiss flags) tried as
 * anonymous, reviewer, producer, producer-and-reviewer, admin and moderator: the allowed set is
 * exactly {moderator}. Flagging is the opposite: every logged-in role may, anonymous may not. Everyone else is refused (401 without a token, 403 with one), and the
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
        String proposal = propose(api, "alice", claimBody(modelId, "base-7b", "closed", null, "a proposal"));
        String argument = api.post("/api/claims/" + proposal + "/arguments", "bob",
                Map.of("stance", "con", "text", "an argument")).body().get("argumentId").asText();
        String argumentPath = "/api/claims/" + proposal + "/arguments/" + argument;
        assertThat(api.post("/api/flags", "carol", Map.of("claimId", proposal, "reason", "spam", "text", "x")).status())
                .isEqualTo(201);
        assertThat(api.post("/api/flags", "carol", Map.of("claimId", proposal, "argumentId", argument,
                "reason", "abuse", "text", "x")).status()).isEqualTo(201);
        Map<String, String> reason = Map.of("reason", "moderation");
        endpoints.put("GET flags", user -> api.get("/api/claims/" + proposal + "/flags", user));
        endpoints.put("hide claim", user -> api.post("/api/claims/" + proposal + "/hide", user, reason));
        endpoints.put("dismiss claim flags", user -> api.post("/api/claims/" + proposal + "/flags/dismiss", user, reason));
        endpoints.put("hide argument", user -> api.post(argumentPath + "/hide", user, reason));
        endpoints.put("dismiss argument flags", user -> api.post(argumentPath + "/flags/dismiss", user, reason));

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
        assertThat(api.get("/api/claims/" + proposal).status()).as("the proposal is still visible").isEqualTo(200);
        assertThat(api.get(argumentPath).body().get("hidden").isNull()).isTrue();
        assertThat(api.get("/api/moderation/queue", "mia").body().toString())
                .contains(proposal + "/claim").contains(proposal + "/" + argument);

        // The same requests as moderators (noah takes it over from mia, then decides it).
        assertThat(endpoints.get("GET queue").apply("noah").status()).isEqualTo(200);
        assertThat(endpoints.get("take over").apply("noah").status()).isEqualTo(200);
        assertThat(endpoints.get("resolve").apply("noah").status()).isEqualTo(200);
        assertThat(endpoints.get("protect").apply("mia").status()).isEqualTo(200);
        assertThat(api.put(protection, "noah", Map.of("protected", false, "reason", "done")).status()).isEqualTo(200);
        assertThat(endpoints.get("GET flags").apply("mia").status()).isEqualTo(200);
        assertThat(endpoints.get("dismiss claim flags").apply("mia").status()).isEqualTo(200);
        assertThat(endpoints.get("hide claim").apply("mia").status()).isEqualTo(200);
        assertThat(api.post("/api/claims/" + proposal + "/unhide", "noah", reason).status()).isEqualTo(200);
        assertThat(endpoints.get("hide argument").apply("noah").status()).isEqualTo(200);
        assertThat(api.post(argumentPath + "/unhide", "mia", reason).status()).isEqualTo(200);
        // unhiding, refused to everyone but moderators, on content that is now hidden
        assertThat(endpoints.get("hide argument").apply("mia").status()).isEqualTo(200);
        List<String> unhideMismatches = new ArrayList<>();
        for (var user : NOT_MODERATORS.entrySet()) {
            int status = api.post(argumentPath + "/unhide", user.getKey(), reason).status();
            if (status != user.getValue()) {
                unhideMismatches.add("unhide as " + user.getKey() + ": " + status);
            }
        }
        assertThat(unhideMismatches).isEmpty();
    }

    @Test
    void everyoneLoggedInMayFlagButAnonymousMayNot() {
        String claimId = propose(api, "alice", claimBody(registerModelWithRelease(api, "alice"), "base-7b", "open",
                "MIT", "flag me"));
        assertThat(api.post("/api/flags", null, Map.of("claimId", claimId, "reason", "spam", "text", "x")).status())
                .isEqualTo(401);
        for (String user : List.of("carol", "paul", "rita", "ada", "mia")) {
            assertThat(api.post("/api/flags", user, Map.of("claimId", claimId, "reason", "spam", "text", "x")).status())
                    .as("flag as %s", user).isEqualTo(201);
        }
    }
}
