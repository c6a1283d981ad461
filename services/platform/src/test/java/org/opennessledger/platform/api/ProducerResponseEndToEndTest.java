package org.opennessledger.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opennessledger.platform.api.CoreLoopEndToEndTest.claimBody;
import static org.opennessledger.platform.api.CoreLoopEndToEndTest.list;
import static org.opennessledger.platform.api.CoreLoopEndToEndTest.propose;
import static org.opennessledger.platform.api.CoreLoopEndToEndTest.registerModelWithRelease;
import static org.opennessledger.platform.api.CoreLoopEndToEndTest.review;
import static org.opennessledger.platform.api.DisputeEndToEndTest.acceptedClaim;
import static org.opennessledger.platform.api.DisputeEndToEndTest.disputeBody;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Producer responses with real tokens: paul and rita speak for "Example Lab" (the realm's
 * producer_org attribute); the test models are registered with that producer unless said otherwise.
 */
class ProducerResponseEndToEndTest {

    private final LedgerClient api = SharedPlatform.client();

    private static String response(String claimId) {
        return "/api/claims/" + claimId + "/producer-response";
    }

    private String modelBy(String producer) {
        String modelId = "other-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("/api/models", "alice", Map.of("modelId", modelId, "name", "Other " + modelId,
                "producer", producer)).status()).isEqualTo(201);
        assertThat(api.post("/api/models/" + modelId + "/releases", "alice", Map.of("releaseId", "base-7b",
                "name", "Other-7B")).status()).isEqualTo(201);
        return modelId;
    }

    @Test
    void theProducerPostsOneMarkedResponseThatShowsOnTheClaimAndInItsHistory() {
        String claimId = propose(api, "alice", claimBody(registerModelWithRelease(api, "alice"), "base-7b", "closed",
                null, "no weights were published"));
        String text = "The weights are on request <script>alert(1)</script> for researchers.";

        var posted = api.post(response(claimId), "paul", Map.of("text", text));
        assertThat(posted.status()).as(String.valueOf(posted.body())).isEqualTo(201);
        assertThat(posted.contentType()).startsWith("application/json");
        assertThat(posted.header("Location")).isEqualTo("/api/claims/" + claimId);
        JsonNode answer = posted.body().get("producerResponse");
        assertThat(answer.get("producerOrg").asText()).isEqualTo("Example Lab");
        assertThat(answer.get("text").asText()).isEqualTo(text);
        assertThat(api.get("/api/claims/" + claimId).body().at("/producerResponse/text").asText()).isEqualTo(text);
        assertThat(list(api.get("/api/claims/" + claimId + "/history").body()))
                .filteredOn(e -> "ProducerResponsePosted".equals(e.get("eventType").asText())).singleElement()
                .satisfies(e -> assertThat(e.get("summary").asText()).contains("producer (Example Lab)"));

        var second = api.post(response(claimId), "rita", Map.of("text", "a second answer"));
        assertThat(second.status()).isEqualTo(409);
        assertThat(api.get("/api/claims/" + claimId).body().at("/producerResponse/text").asText()).isEqualTo(text);
    }

    @Test
    void onlyProducersOfTheModelsOrganisationMayRespond() {
        String otherLabClaim = propose(api, "alice", claimBody(modelBy("Other Lab"), "base-7b", "open", "MIT", "open"));
        var wrongOrganisation = api.post(response(otherLabClaim), "paul", Map.of("text", "not our model"));
        assertThat(wrongOrganisation.status()).isEqualTo(403);
        assertThat(wrongOrganisation.body().get("detail").asText()).contains("Example Lab").contains("Other Lab");
        assertThat(api.post(response(otherLabClaim), "bob", Map.of("text", "no producer role")).status()).isEqualTo(403);
        assertThat(api.post(response(otherLabClaim), null, Map.of("text", "anonymous")).status()).isEqualTo(401);
        assertThat(api.get("/api/claims/" + otherLabClaim).body().get("producerResponse").isNull()).isTrue();
    }

    @Test
    void aProducerWhoReviewsMayNotReviewOrDisputeClaimsAboutTheirOwnModelsButMayOthers() {
        String ownModel = registerModelWithRelease(api, "alice");
        String ownClaim = propose(api, "alice", claimBody(ownModel, "base-7b", "closed", null, "closed weights"));
        var ownReview = api.post("/api/claims/" + ownClaim + "/reviews", "rita", Map.of("verdict", "agree"));
        assertThat(ownReview.status()).isEqualTo(403);
        assertThat(ownReview.body().get("detail").asText()).contains("cannot review");
        assertThat(api.get("/api/claims/" + ownClaim).body().get("agreeCount").asInt()).isZero();

        String accepted = acceptedClaim(api, registerModelWithRelease(api, "alice"));
        var ownDispute = api.post("/api/claims/" + accepted + "/disputes", "rita", disputeBody("we disagree"));
        assertThat(ownDispute.status()).isEqualTo(403);
        assertThat(api.get("/api/claims/" + accepted + "/disputes").body()).isEmpty();

        String otherClaim = propose(api, "alice", claimBody(modelBy("Other Lab"), "base-7b", "open", "MIT", "open"));
        assertThat(review(api, "rita", otherClaim, "agree", null).get("agreeCount").asInt()).isEqualTo(1);
    }
}
