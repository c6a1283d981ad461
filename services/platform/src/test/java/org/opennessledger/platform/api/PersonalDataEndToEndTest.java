package org.opennessledger.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opennessledger.platform.api.CoreLoopEndToEndTest.eventually;
import static org.opennessledger.platform.api.CoreLoopEndToEndTest.registerModelWithRelease;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opennessledger.platform.Platform;

/**
 * Names stay out of the log: events carry subject ids, the display name from the token is kept in the
 * profile store at the first write, and an admin erases it on request without changing any event
 * (the chain still verifies, the timeline is the same).
 */
class PersonalDataEndToEndTest {

    @Test
    void aDisplayNameIsKeptApartFromTheLogAndErasedWithoutTouchingIt() throws Exception {
        try (Platform platform = SharedPlatform.start(Map.of())) {
            LedgerClient api = new LedgerClient(platform.httpPort());
            String modelId = registerModelWithRelease(api, "alice");
            JsonNode history = api.get("/api/models/" + modelId + "/history").body();
            String subject = history.get(0).get("actorId").asText();
            assertThat(subject).isNotEqualTo("alice");

            JsonNode profile = eventually(() -> api.get("/api/profiles/" + subject).body(),
                    p -> p != null && p.has("displayName"));
            assertThat(profile.get("displayName").asText()).isEqualTo("alice");
            try (Connection connection = platform.eventStoreDatabase().dataSource().getConnection();
                 PreparedStatement select = connection.prepareStatement("SELECT payload, metaData FROM DomainEventEntry");
                 ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    assertThat(new String(row.getBytes(1), StandardCharsets.UTF_8)).doesNotContain("\"alice\"");
                    assertThat(new String(row.getBytes(2), StandardCharsets.UTF_8)).doesNotContain("\"alice\"");
                }
            }

            String erasure = "/api/admin/profiles/" + subject + "/erasure";
            assertThat(api.post(erasure, "alice", Map.of("reason", "mine")).status()).isEqualTo(403);
            var erased = api.post(erasure, "ada", Map.of("reason", "asked by the person, ticket 42"));
            assertThat(erased.status()).as(String.valueOf(erased.body())).isEqualTo(200);
            assertThat(erased.body().get("displayName").isNull()).isTrue();
            assertThat(erased.body().get("erasedAt").asText()).isNotBlank();
            assertThat(api.get("/api/profiles/" + subject).body().get("displayName").isNull()).isTrue();
            assertThat(api.post("/api/admin/profiles/never-seen/erasure", "ada", Map.of("reason", "x")).status())
                    .isEqualTo(404);
            assertThat(api.get("/api/profiles/never-seen").status()).isEqualTo(404);

            assertThat(api.get("/api/models/" + modelId + "/history").body()).isEqualTo(history);
            JsonNode verified = eventually(() -> api.get("/api/admin/audit/verification", "ada").body(),
                    v -> v.get("pending").asLong() == 0);
            assertThat(verified.get("ok").asBoolean()).isTrue();
        }
    }
}
