package org.opennessledger.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opennessledger.platform.api.CoreLoopEndToEndTest.claimBody;
import static org.opennessledger.platform.api.CoreLoopEndToEndTest.eventually;
import static org.opennessledger.platform.api.CoreLoopEndToEndTest.list;
import static org.opennessledger.platform.api.CoreLoopEndToEndTest.propose;
import static org.opennessledger.platform.api.CoreLoopEndToEndTest.registerModelWithRelease;
import static org.opennessledger.platform.api.CoreLoopEndToEndTest.review;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.opennessledger.platform.Platform;

/**
 * A dispute's whole course over HTTP with real Keycloak tokens: dispute → two moderators take it
 * at once (one wins) → overturn (new assessment version) → appeal → a different moderator decides
 * for good (another version, claim locked); and the path where the appeal window closes.
 */
class DisputeEndToEndTest {

    private final LedgerClient api = SharedPlatform.client();

    static Map<String, Object> disputeBody(String reason) {
        return Map.of("reason", reason, "evidence", List.of(Map.of("url", "https://example.org/terms-v2",
                "quote", "non-commercial use only", "retrievedOn", "2026-11-25")));
    }

    static String acceptedClaim(LedgerClient api, String modelId) {
        return acceptedClaimBy(api, modelId, "alice", List.of("bob", "carol", "dave"));
    }

    /** A claim by {@code author} on release base-7b, accepted by the three {@code reviewers}. */
    static String acceptedClaimBy(LedgerClient api, String modelId, String author, List<String> reviewers) {
        String claimId = propose(api, author, claimBody(modelId, "base-7b", "open", "Apache-2.0", "weights under Apache-2.0"));
        JsonNode last = null;
        for (String reviewer : reviewers) {
            last = review(api, reviewer, claimId, "agree", null);
        }
        assertThat(last.get("status").asText()).isEqualTo("ACCEPTED");
        return claimId;
    }

    private static String assessments(String modelId) {
        return "/api/models/" + modelId + "/releases/base-7b/assessments";
    }

    @Test
    void disputeOverturnAppealAndFinalDecision() {
        String modelId = registerModelWithRelease(api, "alice");
        String claimId = acceptedClaim(api, modelId);

        assertThat(api.post("/api/claims/" + claimId + "/disputes", "alice", disputeBody("mine")).status()).isEqualTo(403);
        var opened = api.post("/api/claims/" + claimId + "/disputes", "bob", disputeBody("the licence changed to non-commercial"));
        assertThat(opened.status()).as(String.valueOf(opened.body())).isEqualTo(201);
        String disputeId = opened.body().get("disputeId").asText();
        assertThat(opened.header("Location")).isEqualTo("/api/disputes/" + disputeId);
        assertThat(opened.body().get("state").asText()).isEqualTo("OPEN");

        JsonNode disputed = api.get("/api/claims/" + claimId).body();
        assertThat(disputed.get("openDisputeId").asText()).isEqualTo(disputeId);
        assertThat(disputed.get("status").asText()).isEqualTo("ACCEPTED");
        var frozen = api.post("/api/claims/" + claimId + "/reviews", "noah", Map.of("verdict", "disagree", "reason", "x"));
        assertThat(frozen.status()).isEqualTo(409);

        JsonNode queue = api.get("/api/moderation/queue", "mia").body();
        assertThat(list(queue)).anySatisfy(item -> {
            assertThat(item.get("id").asText()).isEqualTo(disputeId);
            assertThat(item.get("state").asText()).isEqualTo("OPEN");
        });

        // Two moderators take it at the same instant: exactly one wins.
        var mia = CompletableFuture.supplyAsync(() -> api.post("/api/disputes/" + disputeId + "/take", "mia", Map.of()));
        var noah = CompletableFuture.supplyAsync(() -> api.post("/api/disputes/" + disputeId + "/take", "noah", Map.of()));
        List<Integer> statuses = List.of(mia.join().status(), noah.join().status());
        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        String first = mia.join().status() == 200 ? "mia" : "noah";
        String second = first.equals("mia") ? "noah" : "mia";

        var overturned = api.post("/api/disputes/" + disputeId + "/resolution", first,
                Map.of("decision", "overturn", "rationale", "the evidence shows a non-commercial licence"));
        assertThat(overturned.status()).as(String.valueOf(overturned.body())).isEqualTo(200);
        assertThat(overturned.body().get("state").asText()).isEqualTo("DECIDED");
        assertThat(overturned.body().get("appealableUntil").asText()).isNotBlank();

        JsonNode rejected = eventually(() -> api.get("/api/claims/" + claimId).body(),
                c -> "REJECTED".equals(c.get("status").asText()));
        assertThat(rejected.get("openDisputeId").asText()).isEqualTo(disputeId);
        JsonNode v2 = eventually(() -> api.get(assessments(modelId) + "/2").body(), v -> v != null && v.has("version"));
        assertThat(v2.at("/diff/changes/0/kind").asText()).isEqualTo("removed");

        var appeal = api.post("/api/disputes/" + disputeId + "/appeal", "alice", Map.of("reason", "the old terms still apply to 1.0"));
        assertThat(appeal.status()).as(String.valueOf(appeal.body())).isEqualTo(200);
        assertThat(appeal.body().get("state").asText()).isEqualTo("APPEALED");
        assertThat(api.post("/api/disputes/" + disputeId + "/appeal", "bob", Map.of("reason", "again")).status()).isEqualTo(409);

        assertThat(api.post("/api/disputes/" + disputeId + "/take", first, Map.of()).status()).isEqualTo(403);
        assertThat(api.post("/api/disputes/" + disputeId + "/take", second, Map.of()).status()).isEqualTo(200);
        var upheld = api.post("/api/disputes/" + disputeId + "/resolution", second,
                Map.of("decision", "uphold", "rationale", "release 1.0 shipped under Apache-2.0"));
        assertThat(upheld.status()).as(String.valueOf(upheld.body())).isEqualTo(200);
        assertThat(upheld.body().get("state").asText()).isEqualTo("CLOSED");

        JsonNode settled = eventually(() -> api.get("/api/claims/" + claimId).body(),
                c -> "ACCEPTED".equals(c.get("status").asText()) && c.get("locked").asBoolean());
        assertThat(settled.get("openDisputeId").isNull()).isTrue();
        JsonNode v3 = eventually(() -> api.get(assessments(modelId) + "/3").body(), v -> v != null && v.has("version"));
        assertThat(v3.at("/diff/changes/0/kind").asText()).isEqualTo("added");
        assertThat(v3.at("/components/0/claimId").asText()).isEqualTo(claimId);

        List<JsonNode> history = list(api.get("/api/claims/" + claimId + "/history").body());
        assertThat(history).extracting(e -> e.get("eventType").asText()).containsSubsequence(
                "ClaimAccepted", "ClaimDisputed", "ClaimRejected", "ClaimDisputeSettled",
                "ClaimAccepted", "ClaimDisputeSettled", "ClaimLocked");
        assertThat(history).filteredOn(e -> e.get("eventType").asText().startsWith("Dispute"))
                .extracting(e -> e.get("eventType").asText())
                .contains("DisputeOpened", "DisputeTaken", "DisputeResolved", "DisputeAppealed");
        assertThat(history).allSatisfy(e -> assertThat(e.get("actorId").asText()).isNotBlank());
        assertThat(list(api.get("/api/models/" + modelId + "/history").body()))
                .extracting(e -> e.get("eventType").asText()).contains("ClaimDisputed", "DisputeResolved");
    }

    @Test
    void overturningANewerAcceptanceBringsBackTheClaimItReplaced() {
        String modelId = registerModelWithRelease(api, "alice");
        String older = acceptedClaim(api, modelId);
        String newer = propose(api, "carol", claimBody(modelId, "base-7b", "partial", "MIT",
                "the weights carry use restrictions"));
        review(api, "bob", newer, "agree", null);
        review(api, "dave", newer, "agree", null);
        assertThat(review(api, "alice", newer, "agree", null).get("status").asText()).isEqualTo("ACCEPTED");
        // The answer to a write waits for what the claims processes did about it (supersession here).
        assertThat(api.get("/api/claims/" + older).body().get("status").asText()).isEqualTo("SUPERSEDED");

        String disputeId = api.post("/api/claims/" + newer + "/disputes", "bob",
                disputeBody("the restrictions were lifted")).body().get("disputeId").asText();
        assertThat(api.post("/api/disputes/" + disputeId + "/take", "mia", Map.of()).status()).isEqualTo(200);
        assertThat(api.post("/api/disputes/" + disputeId + "/resolution", "mia",
                Map.of("decision", "overturn", "rationale", "the restrictions were lifted in March")).status())
                .isEqualTo(200);

        // The newer claim is rejected and the one it had replaced is the accepted claim again, by the
        // time the resolution is answered (dispute process → claim → supersession process → family → claim).
        JsonNode reinstated = api.get("/api/claims/" + older).body();
        assertThat(reinstated.get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(reinstated.get("supersededBy").isNull()).isTrue();
        // versions: older, newer, none (newer rejected), older again
        JsonNode fourth = api.get(assessments(modelId) + "/4").body();
        assertThat(fourth.at("/components/0/claimId").asText()).isEqualTo(older);
        assertThat(api.get("/api/claims/" + newer).body().get("status").asText()).isEqualTo("REJECTED");
        JsonNode entry = list(api.get("/api/claims/" + older + "/history").body()).stream()
                .filter(e -> "ClaimReinstated".equals(e.get("eventType").asText())).findFirst().orElseThrow();
        assertThat(entry.get("actorId").asText()).isEqualTo("system");
        assertThat(entry.get("summary").asText()).contains("claim " + newer);
    }

    @Test
    void withoutAnAppealTheWindowClosesAndTheDecisionBecomesFinal() throws Exception {
        try (Platform platform = SharedPlatform.start(Map.of("LEDGER_APPEAL_WINDOW", "PT2S"))) {
            LedgerClient own = new LedgerClient(platform.httpPort());
            String modelId = registerModelWithRelease(own, "alice");
            String claimId = acceptedClaim(own, modelId);
            String disputeId = own.post("/api/claims/" + claimId + "/disputes", "carol", disputeBody("unclear"))
                    .body().get("disputeId").asText();
            assertThat(own.post("/api/disputes/" + disputeId + "/take", "mia", Map.of()).status()).isEqualTo(200);
            assertThat(own.post("/api/disputes/" + disputeId + "/resolution", "mia",
                    Map.of("decision", "uphold", "rationale", "the licence text is unambiguous")).status()).isEqualTo(200);

            JsonNode closed = eventually(() -> own.get("/api/disputes/" + disputeId).body(),
                    d -> "CLOSED".equals(d.get("state").asText()));
            assertThat(closed.get("closed").asBoolean()).isTrue();
            JsonNode claim = eventually(() -> own.get("/api/claims/" + claimId).body(), c -> c.get("locked").asBoolean());
            assertThat(claim.get("status").asText()).isEqualTo("ACCEPTED");
            assertThat(claim.get("openDisputeId").isNull()).isTrue();
            assertThat(own.post("/api/disputes/" + disputeId + "/appeal", "alice", Map.of("reason", "too late")).status())
                    .isEqualTo(409);
        }
    }
}
