package org.opennessledger.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The whole core loop over HTTP with real Keycloak tokens: register a model and release, propose,
 * three agreements → ACCEPTED → assessment version 1; a second accepted claim for the same
 * target → version 2 with a diff and the first claim SUPERSEDED; both histories list every step
 * with actor and reason.
 */
class CoreLoopEndToEndTest {

    private final LedgerClient api = SharedPlatform.client();

    static Map<String, Object> claimBody(String modelId, String releaseId, String openness, String licence, String why) {
        Map<String, Object> body = new HashMap<>();
        body.put("modelId", modelId);
        body.put("releaseId", releaseId);
        body.put("component", "final-weights");
        body.put("openness", openness);
        if (licence != null) {
            body.put("licence", licence);
        }
        body.put("evidence", List.of(Map.of("url", "https://example.org/" + modelId + "/licence",
                "quote", "You may download the weights", "retrievedOn", "2026-11-20")));
        body.put("rationale", why);
        body.put("reason", "proposing: " + why);
        return body;
    }

    static String registerModelWithRelease(LedgerClient api, String user) {
        String modelId = "loop-" + UUID.randomUUID().toString().substring(0, 8);
        var model = api.post("/api/models", user, Map.of("modelId", modelId, "name", "Loop model " + modelId,
                "producer", "Example Lab", "modelType", "code", "reason", "new family for the test"));
        assertThat(model.status()).as(String.valueOf(model.body())).isEqualTo(201);
        assertThat(model.body().get("modelType").asText()).isEqualTo("code");
        var release = api.post("/api/models/" + modelId + "/releases", user, Map.of("releaseId", "base-7b",
                "name", "Loop-7B", "version", "1.0", "releaseDate", "2026-10-01", "reason", "first release"));
        assertThat(release.status()).as(String.valueOf(release.body())).isEqualTo(201);
        return modelId;
    }

    static String propose(LedgerClient api, String user, Map<String, Object> body) {
        var response = api.post("/api/claims", user, body);
        assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(201);
        assertThat(response.header("Location")).startsWith("/api/claims/");
        return response.body().get("claimId").asText();
    }

    static JsonNode review(LedgerClient api, String user, String claimId, String verdict, String reason) {
        var body = reason == null ? Map.of("verdict", verdict) : Map.of("verdict", verdict, "reason", reason);
        var response = api.post("/api/claims/" + claimId + "/reviews", user, body);
        assertThat(response.status()).as(String.valueOf(response.body())).isBetween(200, 201);
        return response.body();
    }

    @Test
    void aClaimTravelsFromProposalToAcceptedVersionedAssessmentAndIsSupersededByTheNextOne() {
        String modelId = registerModelWithRelease(api, "dave");

        String first = propose(api, "alice", claimBody(modelId, "base-7b", "partial", "llama3.1-community",
                "weights downloadable under a custom licence"));
        assertThat(api.get("/api/claims/" + first).body().get("status").asText()).isEqualTo("PROPOSED");

        review(api, "bob", first, "agree", null);
        review(api, "carol", first, "agree", null);
        JsonNode accepted = review(api, "dave", first, "agree", "licence text matches");
        assertThat(accepted.get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(accepted.get("policyVersion").asText()).isEqualTo("v1");
        assertThat(accepted.get("agreeCount").asInt()).isEqualTo(3);

        String assessments = "/api/models/" + modelId + "/releases/base-7b/assessments";
        JsonNode v1 = api.get(assessments + "/1").body();
        assertThat(v1.get("version").asInt()).isEqualTo(1);
        assertThat(v1.get("components")).singleElement().satisfies(c -> {
            assertThat(c.get("component").asText()).isEqualTo("final-weights");
            assertThat(c.get("claimId").asText()).isEqualTo(first);
            assertThat(c.get("openness").asText()).isEqualTo("partial");
        });
        assertThat(v1.at("/diff/changes/0/kind").asText()).isEqualTo("added");

        String second = propose(api, "bob", claimBody(modelId, "base-7b", "open", "Apache-2.0",
                "the weights were relicensed under Apache-2.0"));
        review(api, "alice", second, "agree", null);
        review(api, "carol", second, "agree", null);
        review(api, "mia", second, "agree", null);

        JsonNode v2 = api.get(assessments + "/2").body();
        assertThat(v2.get("version").asInt()).isEqualTo(2);
        assertThat(v2.at("/components/0/claimId").asText()).isEqualTo(second);
        assertThat(v2.at("/diff/changes/0/kind").asText()).isEqualTo("changed");
        assertThat(v2.at("/diff/changes/0/before/claimId").asText()).isEqualTo(first);
        assertThat(v2.at("/diff/changes/0/after/claimId").asText()).isEqualTo(second);
        assertThat(api.get(assessments).body()).hasSize(2);

        // Supersession is a follow-up process (claim accepted → family records it → old claim superseded).
        JsonNode firstAfter = eventually(() -> api.get("/api/claims/" + first).body(),
                claim -> "SUPERSEDED".equals(claim.get("status").asText()));
        assertThat(firstAfter.get("supersededBy").asText()).isEqualTo(second);

        JsonNode model = api.get("/api/models/" + modelId).body();
        assertThat(model.at("/releases/0/assessmentVersion").asInt()).isEqualTo(2);
        // the matrix row carries the family's producer and type, for filtering
        JsonNode row = list(api.get("/api/matrix").body().get("rows")).stream()
                .filter(r -> r.get("modelId").asText().equals(modelId)).findFirst().orElseThrow();
        assertThat(row.get("producer").asText()).isEqualTo("Example Lab");
        assertThat(row.get("modelType").asText()).isEqualTo("code");

        List<JsonNode> claimHistory = list(api.get("/api/claims/" + first + "/history").body());
        assertThat(claimHistory).extracting(e -> e.get("eventType").asText())
                .containsSubsequence("ClaimProposed", "ClaimReviewed", "ClaimReviewed", "ClaimReviewed",
                        "ClaimAccepted", "ClaimSuperseded");
        assertThat(claimHistory.get(0).get("actorId").asText()).isEqualTo(Keycloak.subject("alice"));
        assertThat(claimHistory.get(0).get("reason").asText()).contains("weights downloadable");
        assertThat(claimHistory).allSatisfy(e -> {
            assertThat(e.get("actorId").asText()).isNotBlank();
            assertThat(e.get("reason").asText()).isNotBlank();
            assertThat(e.get("at").asText()).isNotBlank();
        });

        List<JsonNode> modelHistory = list(api.get("/api/models/" + modelId + "/history").body());
        assertThat(modelHistory).extracting(e -> e.get("eventType").asText())
                .containsSubsequence("ModelFamilyRegistered", "ReleaseRegistered", "ClaimProposed",
                        "ClaimAccepted", "ClaimProposed", "ClaimAccepted")
                .contains("ClaimSuperseded");
        assertThat(modelHistory.get(0).get("actorId").asText()).isEqualTo(Keycloak.subject("dave"));
        assertThat(modelHistory.get(0).get("reason").asText()).isEqualTo("new family for the test");
        assertThat(modelHistory).extracting(e -> e.get("position").asLong()).isSorted();
    }

    static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    static <T> T eventually(java.util.function.Supplier<T> read, Predicate<T> done) {
        return eventually(read, done, Duration.ofSeconds(15));
    }

    static <T> T eventually(java.util.function.Supplier<T> read, Predicate<T> done, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        T value = read.get();
        while (!done.test(value) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            value = read.get();
        }
        assertThat(done.test(value)).as("condition not reached within %s; last value: %s", patience, value).isTrue();
        return value;
    }
}
