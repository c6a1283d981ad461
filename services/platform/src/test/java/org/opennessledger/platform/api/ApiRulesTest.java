package org.opennessledger.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opennessledger.platform.api.CoreLoopEndToEndTest.claimBody;
import static org.opennessledger.platform.api.CoreLoopEndToEndTest.list;
import static org.opennessledger.platform.api.CoreLoopEndToEndTest.propose;
import static org.opennessledger.platform.api.CoreLoopEndToEndTest.registerModelWithRelease;
import static org.opennessledger.platform.api.CoreLoopEndToEndTest.review;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Bad input and forbidden actions over HTTP: a clear problem+json answer and no event stored. */
class ApiRulesTest {

    private final LedgerClient api = SharedPlatform.client();

    private static void assertProblem(LedgerClient.Response response, int status, String detailFragment) {
        assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("status").asInt()).isEqualTo(status);
        assertThat(response.body().get("detail").asText()).containsIgnoringCase(detailFragment);
    }

    private List<String> modelEventTypes(String modelId) {
        List<String> types = new ArrayList<>();
        api.get("/api/models/" + modelId + "/history").body().forEach(e -> types.add(e.get("eventType").asText()));
        return types;
    }

    @Test
    void unknownModelsReleasesAndClaimsAreNotFound() {
        assertProblem(api.get("/api/models/no-such-model"), 404, "no-such-model");
        assertProblem(api.get("/api/claims/00000000-0000-0000-0000-000000000000"), 404, "00000000");
        assertProblem(api.get("/api/models/no-such-model/history"), 404, "no-such-model");
        assertProblem(api.get("/api/claims/00000000-0000-0000-0000-000000000000/history"), 404, "00000000");
        String modelId = registerModelWithRelease(api, "alice");
        assertProblem(api.get("/api/models/" + modelId + "/releases/no-such-release/assessments"), 404, "no-such-release");
        assertProblem(api.get("/api/models/" + modelId + "/releases/base-7b/assessments/1"), 404, "1");
    }

    @Test
    void aClaimOnAnUnknownReleaseIsRefusedAndNothingIsStored() {
        String modelId = registerModelWithRelease(api, "alice");
        List<String> before = modelEventTypes(modelId);

        var response = api.post("/api/claims", "alice", claimBody(modelId, "no-such-release", "open", "MIT", "x"));

        assertProblem(response, 404, "no-such-release");
        assertThat(modelEventTypes(modelId)).isEqualTo(before);
    }

    @Test
    void aMalformedLicenceExpressionIsRefusedWithTheReason() {
        String modelId = registerModelWithRelease(api, "alice");

        var response = api.post("/api/claims", "alice", claimBody(modelId, "base-7b", "open", "MIT AND", "x"));

        assertProblem(response, 422, "licence");
        assertThat(modelEventTypes(modelId)).doesNotContain("ClaimProposed");
    }

    @Test
    void aBodyThatBreaksTheSchemaIsABadRequest() {
        String modelId = registerModelWithRelease(api, "alice");
        Map<String, Object> body = new HashMap<>(claimBody(modelId, "base-7b", "open", "MIT", "x"));
        body.remove("evidence");

        var response = api.post("/api/claims", "alice", body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().toString()).contains("evidence");
    }

    @Test
    void writesWithoutAValidTokenAreUnauthorized() {
        Map<String, Object> model = Map.of("name", "Anonymous model", "producer", "Nobody");
        assertProblem(api.post("/api/models", null, model), 401, "");
        String token = Keycloak.token("alice");
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertProblem(api.postWithToken("/api/models", tampered, model), 401, "");
        assertProblem(api.postWithToken("/api/models", "not-a-jwt", model), 401, "");
    }

    @Test
    void theAuthorCannotReviewTheirOwnClaim() {
        String modelId = registerModelWithRelease(api, "alice");
        String claimId = propose(api, "alice", claimBody(modelId, "base-7b", "open", "MIT", "self"));

        assertProblem(api.post("/api/claims/" + claimId + "/reviews", "alice", Map.of("verdict", "agree")), 403, "author");

        JsonNode claim = api.get("/api/claims/" + claimId).body();
        assertThat(claim.get("reviews")).isEmpty();
        assertThat(list(api.get("/api/claims/" + claimId + "/history").body())).hasSize(1);
    }

    @Test
    void disagreeingNeedsAReason() {
        String modelId = registerModelWithRelease(api, "alice");
        String claimId = propose(api, "alice", claimBody(modelId, "base-7b", "open", "MIT", "reasonless"));

        assertProblem(api.post("/api/claims/" + claimId + "/reviews", "bob", Map.of("verdict", "disagree")), 422, "reason");
    }

    @Test
    void aSecondReviewReplacesTheFirstAndBothAreRecorded() {
        String modelId = registerModelWithRelease(api, "alice");
        String claimId = propose(api, "alice", claimBody(modelId, "base-7b", "open", "MIT", "changeable"));

        review(api, "bob", claimId, "agree", null);
        JsonNode after = review(api, "bob", claimId, "disagree", "the training code is missing");

        assertThat(after.get("agreeCount").asInt()).isZero();
        assertThat(after.get("disagreeCount").asInt()).isEqualTo(1);
        assertThat(after.get("reviews")).singleElement()
                .satisfies(r -> assertThat(r.get("verdict").asText()).isEqualTo("disagree"));
        assertThat(after.get("reviewHistory")).hasSize(2);
    }

    @Test
    void twoConcurrentReviewsOfOneClaimBothCount() {
        String modelId = registerModelWithRelease(api, "alice");
        String claimId = propose(api, "alice", claimBody(modelId, "base-7b", "open", "MIT", "concurrent"));

        List<CompletableFuture<LedgerClient.Response>> reviews = new ArrayList<>();
        for (String reviewer : List.of("bob", "carol", "dave", "mia")) {
            reviews.add(CompletableFuture.supplyAsync(() ->
                    api.post("/api/claims/" + claimId + "/reviews", reviewer, Map.of("verdict", "agree"))));
        }
        reviews.forEach(f -> assertThat(f.join().status()).isBetween(200, 201));

        JsonNode claim = api.get("/api/claims/" + claimId).body();
        assertThat(claim.get("agreeCount").asInt()).isEqualTo(4);
        assertThat(claim.get("status").asText()).isEqualTo("ACCEPTED");
    }

    @Test
    void anIdOfAnotherKindIsNotFoundAndChangesNothing() {
        String modelId = registerModelWithRelease(api, "alice");
        String claimId = DisputeEndToEndTest.acceptedClaim(api, modelId);
        String disputeId = api.post("/api/claims/" + claimId + "/disputes", "bob",
                DisputeEndToEndTest.disputeBody("the licence changed")).body().get("disputeId").asText();

        assertProblem(api.post("/api/claims/" + disputeId + "/reviews", "carol", Map.of("verdict", "agree")), 404,
                "claim " + disputeId);
        assertProblem(api.post("/api/claims/" + disputeId + "/arguments", "carol",
                Map.of("stance", "pro", "text", "misdirected")), 404, "claim " + disputeId);
        assertProblem(api.post("/api/disputes/" + claimId + "/take", "mia", Map.of()), 404, "dispute " + claimId);
        assertThat(api.get("/api/disputes/" + disputeId, "mia").body().get("state").asText()).isEqualTo("OPEN");
    }
}
