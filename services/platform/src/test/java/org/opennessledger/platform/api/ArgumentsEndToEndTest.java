package org.opennessledger.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opennessledger.platform.api.CoreLoopEndToEndTest.claimBody;
import static org.opennessledger.platform.api.CoreLoopEndToEndTest.list;
import static org.opennessledger.platform.api.CoreLoopEndToEndTest.propose;
import static org.opennessledger.platform.api.CoreLoopEndToEndTest.registerModelWithRelease;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A claim's debate over HTTP: threads, edits with every revision kept, and untrusted text kept inert. */
class ArgumentsEndToEndTest {

    private final LedgerClient api = SharedPlatform.client();

    @Test
    void argumentsThreadAndEditsKeepEveryRevisionMarkingThoseAfterAReply() {
        String modelId = registerModelWithRelease(api, "alice");
        String claimId = propose(api, "alice", claimBody(modelId, "base-7b", "partial", "MIT", "debate me"));
        String arguments = "/api/claims/" + claimId + "/arguments";

        String script = "<script>alert('x')</script> **bold** claim";
        var root = api.post(arguments, "bob", Map.of("stance", "con", "text", script));
        assertThat(root.status()).as(String.valueOf(root.body())).isEqualTo(201);
        assertThat(root.contentType()).startsWith("application/json");
        String rootId = root.body().get("argumentId").asText();
        assertThat(root.header("Location")).isEqualTo(arguments + "/" + rootId);
        assertThat(root.body().get("text").asText()).isEqualTo(script);

        var reply = api.post(arguments, "carol", Map.of("stance", "question", "parentArgumentId", rootId,
                "text", "Which release does this concern?"));
        assertThat(reply.status()).isEqualTo(201);

        var edit = api.post(arguments + "/" + rootId + "/revisions", "bob", Map.of("text", "The weights are gated."));
        assertThat(edit.status()).as(String.valueOf(edit.body())).isEqualTo(200);
        JsonNode edited = api.get(arguments + "/" + rootId).body();
        assertThat(edited.get("revision").asInt()).isEqualTo(2);
        assertThat(edited.get("editedAfterReply").asBoolean()).isTrue();
        assertThat(edited.get("replyCount").asInt()).isEqualTo(1);
        assertThat(list(edited.get("revisions"))).extracting(r -> r.get("text").asText())
                .containsExactly(script, "The weights are gated.");

        List<JsonNode> thread = list(api.get(arguments).body());
        assertThat(thread).hasSize(2);
        assertThat(thread.get(1).get("parentArgumentId").asText()).isEqualTo(rootId);

        assertThat(api.post(arguments + "/" + rootId + "/revisions", "carol", Map.of("text", "hijack")).status())
                .isEqualTo(403);
        var orphan = api.post(arguments, "carol", Map.of("stance", "pro", "parentArgumentId", UUID.randomUUID().toString(),
                "text", "reply to nothing"));
        assertThat(orphan.status()).isEqualTo(404);
        assertThat(api.post(arguments, "carol", Map.of("stance", "pro", "text", "x".repeat(10_001))).status())
                .isEqualTo(400);
        assertThat(list(api.get(arguments).body())).hasSize(2);
    }
}
