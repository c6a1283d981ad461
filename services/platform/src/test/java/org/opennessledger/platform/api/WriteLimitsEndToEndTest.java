package org.opennessledger.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennessledger.platform.Platform;

/**
 * The API's limits with real tokens: a person, and then the address they write from, run out of
 * writes (429 with Retry-After, nothing stored); admins, who run imports, are not limited; a body
 * over 256 KiB is refused whole.
 */
class WriteLimitsEndToEndTest {

    private static Map<String, Object> model(String id) {
        return Map.of("modelId", id, "name", "Limited " + id, "producer", "Limit Lab");
    }

    @Test
    void aPersonThenTheirAddressRunOutOfWritesAndNothingRefusedIsStored() {
        // per hour, not per minute: a bucket refills one write per 7.5 min, so a slow machine cannot refill it mid-test
        try (Platform platform = SharedPlatform.start(Map.of("LEDGER_WRITES_PER_MINUTE_PER_PERSON", "5",
                "LEDGER_WRITES_PER_MINUTE_PER_ADDRESS", "8", "LEDGER_WRITE_LIMIT_WINDOW", "PT1H"))) {
            LedgerClient api = new LedgerClient(platform.httpPort());
            String prefix = "limited-" + UUID.randomUUID().toString().substring(0, 6);
            for (int i = 0; i < 5; i++) {
                assertThat(api.post("/api/models", "bob", model(prefix + "-bob-" + i)).status()).isEqualTo(201);
            }
            var refused = api.post("/api/models", "bob", model(prefix + "-bob-5"));
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(Integer.parseInt(refused.header("Retry-After"))).as("a write back after an hour / 5")
                    .isBetween(600, 720);
            assertThat(refused.body().get("detail").asText()).contains("you may make 5 writes per 60 minutes");
            assertThat(api.get("/api/models/" + prefix + "-bob-5").status()).as("nothing stored").isEqualTo(404);

            // the address has 3 writes left (bob used 5 of its 8): carol gets 3, then the address is spent
            for (int i = 0; i < 3; i++) {
                assertThat(api.post("/api/models", "carol", model(prefix + "-carol-" + i)).status()).isEqualTo(201);
            }
            var spent = api.post("/api/models", "carol", model(prefix + "-carol-3"));
            assertThat(spent.status()).isEqualTo(429);
            assertThat(spent.body().get("detail").asText()).contains("your address may make 8 writes per 60 minutes");
            assertThat(api.get("/api/models/" + prefix + "-carol-3").status()).isEqualTo(404);

            // reads are not limited; an admin's writes (imports) are not either
            assertThat(api.get("/api/models").status()).isEqualTo(200);
            for (int i = 0; i < 10; i++) {
                assertThat(api.post("/api/models", "ada", model(prefix + "-ada-" + i)).status()).isEqualTo(201);
            }
        }
    }

    @Test
    void aBodyOverTheLimitIsRefusedWholeAsAProblem() {
        LedgerClient api = SharedPlatform.client();
        String id = "too-big-" + UUID.randomUUID().toString().substring(0, 6);
        var refused = api.post("/api/models", "bob", Map.of("modelId", id, "name", "Too big",
                "producer", "Limit Lab", "description", "x".repeat(300 * 1024)));
        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/api/models/" + id).status()).isEqualTo(404);
    }
}
