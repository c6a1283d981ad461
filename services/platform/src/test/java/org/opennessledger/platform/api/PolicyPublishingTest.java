package org.opennessledger.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opennessledger.platform.api.CoreLoopEndToEndTest.claimBody;
import static org.opennessledger.platform.api.CoreLoopEndToEndTest.propose;
import static org.opennessledger.platform.api.CoreLoopEndToEndTest.registerModelWithRelease;
import static org.opennessledger.platform.api.CoreLoopEndToEndTest.review;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opennessledger.platform.Platform;

/**
 * Consensus thresholds are versioned and only admins publish them; claims evaluated afterwards
 * record the new version. Runs on its own platform so the shared one keeps the default policy.
 */
class PolicyPublishingTest {

    private static final Map<String, Object> ONE_REVIEW_POLICY = Map.of("minimumReviews", 1, "acceptRatio", 1.0,
            "rejectRatio", 1.0, "lockAfter", "P14D", "reason", "pilot: a single agreement is enough");

    @Test
    void onlyAnAdminPublishesAPolicyAndLaterReviewsAreEvaluatedUnderIt() {
        try (Platform platform = SharedPlatform.start(Map.of())) {
            LedgerClient api = new LedgerClient(platform.httpPort());

            var refused = api.post("/api/admin/consensus-policy", "bob", ONE_REVIEW_POLICY);
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.body().get("detail").asText()).containsIgnoringCase("admin");

            var published = api.post("/api/admin/consensus-policy", "ada", ONE_REVIEW_POLICY);
            assertThat(published.status()).as(String.valueOf(published.body())).isEqualTo(201);
            // v2, not v3: the refused attempt stored nothing.
            assertThat(published.body().get("policyVersion").asText()).isEqualTo("v2");

            String modelId = registerModelWithRelease(api, "alice");
            String claimId = propose(api, "alice", claimBody(modelId, "base-7b", "open", "MIT", "pilot claim"));
            JsonNode accepted = review(api, "bob", claimId, "agree", null);
            assertThat(accepted.get("status").asText()).isEqualTo("ACCEPTED");
            assertThat(accepted.get("policyVersion").asText()).isEqualTo("v2");
        }
    }
}
