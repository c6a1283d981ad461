package org.opennessledger.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opennessledger.platform.api.CoreLoopEndToEndTest.claimBody;
import static org.opennessledger.platform.api.CoreLoopEndToEndTest.list;
import static org.opennessledger.platform.api.CoreLoopEndToEndTest.propose;
import static org.opennessledger.platform.api.CoreLoopEndToEndTest.registerModelWithRelease;
import static org.opennessledger.platform.api.CoreLoopEndToEndTest.review;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * As-of views and diffs on scripted histories: a family's index file imported in three dated versions
 * (2024-01, 2024-06, 2025-01), and a claim reviewed to acceptance. Every answer is checked against
 * the script, not against the code's own output.
 */
class AsOfAndDiffEndToEndTest {

    private final LedgerClient api = SharedPlatform.client();

    /** A family whose weights go closed → partial → open, and whose paper appears in the second version. */
    private String importDatedHistory() {
        String name = "AsOf " + UUID.randomUUID().toString().substring(0, 8);
        String[][] versions = {
                {"2024-01-01T00:00:00Z", "closed", null},
                {"2024-06-01T00:00:00Z", "partial", "open"},
                {"2025-01-01T00:00:00Z", "open", "open"}};
        String modelId = null;
        for (String[] version : versions) {
            String yaml = "system:\n    name: " + name + "\n    link: https://example.org/asof\n"
                    + "org:\n    name: AsOf Lab\n"
                    + "weights_endmodel:\n    class: " + version[1] + "\n    link: https://example.org/w\n"
                    + (version[2] == null ? "" : "paper:\n    class: " + version[2] + "\n    link: https://example.org/p\n");
            var answer = api.post("/api/admin/imports/osai-index", "ada", Map.of("files", List.of(Map.of(
                    "name", "asof.yaml", "content", yaml, "effectiveAt", version[0], "source", "script " + version[0]))));
            assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(200);
            assertThat(answer.body().at("/files/0").has("error")).as(answer.body().toString()).isFalse();
            modelId = answer.body().at("/files/0/modelId").asText();
        }
        return modelId;
    }

    private static String cell(JsonNode release, String component) {
        for (JsonNode c : release.get("components")) {
            if (c.get("component").asText().equals(component)) {
                return c.get("openness").asText();
            }
        }
        return null;
    }

    @Test
    void aReleaseAndTheMatrixAsOfAnyInstantFollowTheDatedVersions() {
        String modelId = importDatedHistory();
        String release = "/api/models/" + modelId + "/releases/" + modelId;

        JsonNode march = api.get(release + "?asOf=2024-03-01T00:00:00Z").body();
        assertThat(march.get("assessmentVersion").asInt()).isEqualTo(1);
        assertThat(cell(march, "final-weights")).isEqualTo("closed");
        assertThat(cell(march, "peer-reviewed-paper")).isNull();
        JsonNode july = api.get(release + "?asOf=2024-07-01T00:00:00%2B02:00").body();
        assertThat(cell(july, "final-weights")).isEqualTo("partial");
        assertThat(cell(july, "peer-reviewed-paper")).isEqualTo("open");
        JsonNode now = api.get(release).body();
        assertThat(cell(now, "final-weights")).isEqualTo("open");
        // the scores are those of the version in force: weights closed then, open now
        assertThat(march.at("/scores/osaiIndex/score").asDouble())
                .isLessThan(now.at("/scores/osaiIndex/score").asDouble());

        JsonNode matrixThen = api.get("/api/matrix?asOf=2024-03-01T00:00:00Z").body();
        JsonNode row = list(matrixThen.get("rows")).stream().filter(r -> r.get("modelId").asText().equals(modelId))
                .findFirst().orElseThrow();
        assertThat(row.at("/cells/final-weights/openness").asText()).isEqualTo("closed");
        JsonNode before = api.get("/api/matrix?asOf=2023-12-31T23:59:59Z").body();
        assertThat(list(before.get("rows"))).noneMatch(r -> r.get("modelId").asText().equals(modelId));
        assertThat(list(api.get("/api/matrix?asOf=1990-01-01T00:00:00Z").body().get("rows"))).isEmpty();

        var notYet = api.get("/api/models/" + modelId + "?asOf=2023-01-01T00:00:00Z");
        assertThat(notYet.status()).isEqualTo(404);
        assertThat(notYet.body().get("detail").asText()).contains("did not exist yet");
        var garbled = api.get("/api/matrix?asOf=last-tuesday");
        assertThat(garbled.status()).isEqualTo(400);
        assertThat(garbled.contentType()).startsWith("application/problem+json");
        assertThat(garbled.body().toString()).contains("RFC 3339");
    }

    @Test
    void aDiffNamesEachChangedComponentWithWhatChangedAndTheVersionsThatChangedIt() {
        String modelId = importDatedHistory();
        String assessments = "/api/models/" + modelId + "/releases/" + modelId + "/assessments";

        JsonNode diff = api.get(assessments + "/diff?from=1&to=3").body();
        assertThat(diff.get("fromVersion").asInt()).isEqualTo(1);
        assertThat(diff.get("toVersion").asInt()).isEqualTo(3);
        JsonNode weights = list(diff.get("changes")).stream()
                .filter(c -> c.get("component").asText().equals("final-weights")).findFirst().orElseThrow();
        assertThat(weights.get("kind").asText()).isEqualTo("changed");
        assertThat(weights.at("/before/openness").asText()).isEqualTo("closed");
        assertThat(weights.at("/after/openness").asText()).isEqualTo("open");
        assertThat(list(weights.get("aspects"))).extracting(JsonNode::asText).contains("openness", "claim");
        assertThat(list(weights.get("causes"))).extracting(c -> c.get("version").asInt()).containsExactly(2, 3);
        assertThat(weights.at("/causes/0/reason").asText()).contains("Imported script 2024-06-01");
        assertThat(weights.at("/causes/0/actorId").asText()).isNotBlank();
        JsonNode paper = list(diff.get("changes")).stream()
                .filter(c -> c.get("component").asText().equals("peer-reviewed-paper")).findFirst().orElseThrow();
        assertThat(paper.get("kind").asText()).isEqualTo("added");
        assertThat(list(paper.get("causes"))).extracting(c -> c.get("version").asInt()).containsExactly(2);

        assertThat(list(api.get(assessments + "/diff?from=2&to=2").body().get("changes"))).isEmpty();
        assertThat(api.get(assessments + "/diff?from=3&to=1").status()).isEqualTo(400);
        assertThat(api.get(assessments + "/diff?from=1&to=9").status()).isEqualTo(404);
        assertThat(api.get("/api/models/" + modelId + "/releases/nope/assessments/diff?from=0&to=1").status())
                .isEqualTo(404);

        JsonNode matrix = api.get("/api/matrix/diff?from=2024-03-01T00:00:00Z&to=2024-07-01T00:00:00Z").body();
        JsonNode changed = list(matrix.get("releases")).stream()
                .filter(r -> r.get("modelId").asText().equals(modelId)).findFirst().orElseThrow();
        assertThat(changed.get("fromVersion").asInt()).isEqualTo(1);
        assertThat(changed.get("toVersion").asInt()).isEqualTo(2);
        assertThat(api.get("/api/matrix/diff?from=2025-01-01T00:00:00Z&to=2024-01-01T00:00:00Z").status())
                .isEqualTo(400);
        JsonNode quiet = api.get("/api/matrix/diff?from=2024-07-01T00:00:00Z&to=2024-08-01T00:00:00Z").body();
        assertThat(list(quiet.get("releases"))).noneMatch(r -> r.get("modelId").asText().equals(modelId));
    }

    @Test
    void aClaimAndItsFamilyAsOfAnInstantDuringTheReviewsShowTheStateThen() {
        String modelId = registerModelWithRelease(api, "alice");
        String claimId = propose(api, "alice", claimBody(modelId, "base-7b", "open", "Apache-2.0", "weights open"));
        review(api, "bob", claimId, "agree", null);
        JsonNode second = review(api, "carol", claimId, "agree", null);
        review(api, "dave", claimId, "agree", null);
        String duringReviews = list(second.get("reviewHistory")).stream()
                .filter(r -> r.get("reviewerId").asText().equals(second.at("/reviews/1/reviewerId").asText()))
                .findFirst().orElseThrow().get("at").asText();

        JsonNode then = api.get("/api/claims/" + claimId + "?asOf=" + duringReviews).body();
        assertThat(then.get("status").asText()).isEqualTo("PROPOSED");
        assertThat(then.get("reviews")).hasSize(2);
        assertThat(then.get("agreeCount").asInt()).isEqualTo(2);
        JsonNode now = api.get("/api/claims/" + claimId).body();
        assertThat(now.get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(now.get("reviews")).hasSize(3);

        JsonNode familyThen = api.get("/api/models/" + modelId + "?asOf=" + duringReviews).body();
        assertThat(familyThen.at("/claims/0/status").asText()).isEqualTo("PROPOSED");
        assertThat(familyThen.at("/releases/0/assessmentVersion").asInt()).isZero();
        assertThat(api.get("/api/claims/" + claimId + "?asOf=2000-01-01T00:00:00Z").status()).isEqualTo(404);
        assertThat(api.get("/api/claims/" + UUID.randomUUID() + "?asOf=" + duringReviews).status()).isEqualTo(404);
    }
}
