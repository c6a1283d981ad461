package org.opennessledger.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opennessledger.platform.api.CoreLoopEndToEndTest.claimBody;
import static org.opennessledger.platform.api.CoreLoopEndToEndTest.list;
import static org.opennessledger.platform.api.CoreLoopEndToEndTest.propose;
import static org.opennessledger.platform.api.CoreLoopEndToEndTest.registerModelWithRelease;
import static org.opennessledger.platform.api.DisputeEndToEndTest.acceptedClaim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Flags and hiding with real tokens: a flag reaches the moderators' queue; a moderator hides the
 * content, which leaves public reads but stays for moderators and in the history; unhiding brings
 * it back. Nothing is deleted.
 */
class FlagsAndHidingEndToEndTest {

    private final LedgerClient api = SharedPlatform.client();

    private static String idOf(LedgerClient.Response response) {
        assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(201);
        return response.body().get("argumentId").asText();
    }

    @Test
    void aFlaggedArgumentIsHiddenFromThePublicKeptForModeratorsAndShownAgain() {
        String claimId = propose(api, "alice", claimBody(registerModelWithRelease(api, "alice"), "base-7b", "open",
                "MIT", "weights under MIT"));
        String arguments = "/api/claims/" + claimId + "/arguments";
        String rude = idOf(api.post(arguments, "dave", Map.of("stance", "con", "text", "Only idiots believe this.")));
        String reply = idOf(api.post(arguments, "carol", Map.of("stance", "question", "parentArgumentId", rude,
                "text", "Why so rude?")));

        var flag = api.post("/api/flags", "bob", Map.of("claimId", claimId, "argumentId", rude, "reason", "abuse",
                "text", "an insult <script>alert(1)</script>"));
        assertThat(flag.status()).as(String.valueOf(flag.body())).isEqualTo(201);
        assertThat(flag.contentType()).startsWith("application/json");
        assertThat(api.post("/api/flags", "bob", Map.of("claimId", claimId, "argumentId", rude, "reason", "abuse",
                "text", "again")).status()).isEqualTo(409);
        assertThat(list(api.get("/api/moderation/queue", "mia").body()))
                .filteredOn(item -> "flag".equals(item.get("kind").asText()))
                .anySatisfy(item -> {
                    assertThat(item.get("id").asText()).isEqualTo(claimId + "/" + rude);
                    assertThat(item.get("argumentId").asText()).isEqualTo(rude);
                    assertThat(item.get("summary").asText()).contains("abuse").contains("<script>");
                });

        assertThat(api.get("/api/claims/" + claimId + "/flags", "bob").status()).isEqualTo(403);
        JsonNode flags = api.get("/api/claims/" + claimId + "/flags", "mia").body();
        assertThat(flags.get(0).get("argumentId").asText()).isEqualTo(rude);
        assertThat(flags.at("/0/flags/0/text").asText()).isEqualTo("an insult <script>alert(1)</script>");

        var hidden = api.post(arguments + "/" + rude + "/hide", "mia", Map.of("reason", "personal attack"));
        assertThat(hidden.status()).as(String.valueOf(hidden.body())).isEqualTo(200);
        assertThat(hidden.body().at("/hidden/reason").asText()).isEqualTo("personal attack");
        assertThat(hidden.body().get("text").asText()).isEqualTo("Only idiots believe this.");

        for (String reader : new String[] {null, "bob"}) {
            List<JsonNode> thread = list(api.get(arguments, reader).body());
            JsonNode placeholder = thread.get(0);
            assertThat(placeholder.get("argumentId").asText()).isEqualTo(rude);
            assertThat(placeholder.get("text").isNull()).as("text for %s", reader).isTrue();
            assertThat(placeholder.get("authorId").isNull()).isTrue();
            assertThat(placeholder.at("/hidden/reason").asText()).isEqualTo("personal attack");
            assertThat(thread.get(1).get("argumentId").asText()).isEqualTo(reply);
            assertThat(thread.get(1).get("text").asText()).isEqualTo("Why so rude?");
            assertThat(api.get(arguments + "/" + rude, reader).body().get("revisions")).isEmpty();
        }
        assertThat(list(api.get(arguments, "noah").body()).get(0).get("text").asText())
                .isEqualTo("Only idiots believe this.");
        assertThat(list(api.get("/api/moderation/queue", "mia").body()))
                .noneSatisfy(item -> assertThat(item.get("id").asText()).isEqualTo(claimId + "/" + rude));
        assertThat(api.get("/api/claims/" + claimId + "/flags", "mia").body().at("/0/flags/0/outcome").asText())
                .isEqualTo("hidden");

        int before = list(api.get(arguments, "noah").body()).size();
        var refusedReply = api.post(arguments, "carol", Map.of("stance", "con", "parentArgumentId", rude,
                "text", "replying to hidden content"));
        assertThat(refusedReply.status()).isEqualTo(409);
        assertThat(refusedReply.body().get("detail").asText()).contains("hidden");
        assertThat(list(api.get(arguments, "noah").body())).hasSize(before);
        assertThat(list(api.get("/api/claims/" + claimId + "/history").body()))
                .anySatisfy(e -> {
                    assertThat(e.get("eventType").asText()).isEqualTo("ContentHidden");
                    assertThat(e.get("summary").asText()).contains("hidden by a moderator, reason: personal attack");
                });

        var shown = api.post(arguments + "/" + rude + "/unhide", "noah", Map.of("reason", "quoted in context"));
        assertThat(shown.status()).as(String.valueOf(shown.body())).isEqualTo(200);
        assertThat(list(api.get(arguments).body()).get(0).get("text").asText()).isEqualTo("Only idiots believe this.");
        assertThat(api.post(arguments, "carol", Map.of("stance", "con", "parentArgumentId", rude,
                "text", "now I can answer")).status()).isEqualTo(201);
    }

    @Test
    void aHiddenProposalIsGoneForThePublicButAnAcceptedClaimCannotBeHidden() {
        String modelId = registerModelWithRelease(api, "alice");
        String spam = propose(api, "alice", claimBody(modelId, "base-7b", "open", "MIT", "buy watches"));
        var hidden = api.post("/api/claims/" + spam + "/hide", "mia", Map.of("reason", "advertising"));
        assertThat(hidden.status()).as(String.valueOf(hidden.body())).isEqualTo(200);
        assertThat(hidden.body().at("/hidden/by").asText()).isNotBlank();

        assertThat(api.get("/api/claims/" + spam).status()).isEqualTo(404);
        assertThat(api.get("/api/claims/" + spam, "bob").status()).isEqualTo(404);
        assertThat(api.get("/api/claims/" + spam, "noah").body().at("/hidden/reason").asText()).isEqualTo("advertising");
        assertThat(list(api.get("/api/models/" + modelId).body().get("claims")))
                .noneSatisfy(c -> assertThat(c.get("claimId").asText()).isEqualTo(spam));
        assertThat(list(api.get("/api/models/" + modelId, "mia").body().get("claims")))
                .anySatisfy(c -> assertThat(c.get("claimId").asText()).isEqualTo(spam));
        assertThat(api.post("/api/claims/" + spam + "/reviews", "bob", Map.of("verdict", "agree")).status())
                .isEqualTo(409);

        String accepted = acceptedClaim(api, modelId);
        var refused = api.post("/api/claims/" + accepted + "/hide", "mia", Map.of("reason", "nope"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("detail").asText()).contains("dispute it instead");
        assertThat(api.get("/api/claims/" + accepted).status()).isEqualTo(200);
    }
}
