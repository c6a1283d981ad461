package org.opennessledger.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opennessledger.platform.api.CoreLoopEndToEndTest.claimBody;
import static org.opennessledger.platform.api.CoreLoopEndToEndTest.eventually;
import static org.opennessledger.platform.api.CoreLoopEndToEndTest.propose;
import static org.opennessledger.platform.api.CoreLoopEndToEndTest.registerModelWithRelease;
import static org.opennessledger.platform.api.CoreLoopEndToEndTest.review;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opennessledger.platform.Platform;

/**
 * The lock deadline is persistent: a claim accepted just before the platform stops still locks
 * after a restart (lock period shortened to 3 s by configuration), and then refuses reviews.
 */
class LockAndRestartTest {

    @Test
    void aLockDeadlineScheduledBeforeAStopFiresAfterTheRestart() throws Exception {
        Path dataDir = SharedPlatform.newDataDir();
        Map<String, String> shortLock = Map.of("LEDGER_LOCK_AFTER", "PT3S");
        String claimId;
        try (Platform first = SharedPlatform.start(shortLock, dataDir)) {
            LedgerClient api = new LedgerClient(first.httpPort());
            String modelId = registerModelWithRelease(api, "alice");
            claimId = propose(api, "alice", claimBody(modelId, "base-7b", "closed", null, "no weights published"));
            review(api, "bob", claimId, "agree", null);
            review(api, "carol", claimId, "agree", null);
            JsonNode accepted = review(api, "dave", claimId, "agree", null);
            assertThat(accepted.get("status").asText()).isEqualTo("ACCEPTED");
            assertThat(accepted.get("locked").asBoolean()).isFalse();
        }
        Thread.sleep(3_500);

        try (Platform second = SharedPlatform.start(shortLock, dataDir)) {
            LedgerClient api = new LedgerClient(second.httpPort());
            JsonNode locked = eventually(() -> api.get("/api/claims/" + claimId).body(),
                    claim -> claim.get("locked").asBoolean());
            assertThat(locked.get("status").asText()).isEqualTo("ACCEPTED");

            var lateReview = api.post("/api/claims/" + claimId + "/reviews", "mia",
                    Map.of("verdict", "disagree", "reason", "too late"));
            assertThat(lateReview.status()).isEqualTo(409);
            assertThat(lateReview.body().get("detail").asText()).containsIgnoringCase("locked");
            JsonNode lockedEntry = null;
            for (JsonNode entry : api.get("/api/claims/" + claimId + "/history").body()) {
                if ("ClaimLocked".equals(entry.get("eventType").asText())) {
                    lockedEntry = entry;
                }
            }
            assertThat(lockedEntry).as("ClaimLocked in the claim's history").isNotNull();
            assertThat(lockedEntry.get("actorId").asText()).isEqualTo("system");
            assertThat(lockedEntry.get("reason").asText()).containsIgnoringCase("lock");
            assertThat(lockedEntry.get("correlationId").asText()).isNotBlank();
        }
    }
}
