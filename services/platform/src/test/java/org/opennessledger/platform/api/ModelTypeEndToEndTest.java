package org.opennessledger.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opennessledger.platform.api.CoreLoopEndToEndTest.list;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A model family's type with real tokens: stated at registration or later, corrected by a
 * reviewer, filled in by an import only while it is not stated, refused when unknown or unauthorised.
 */
class ModelTypeEndToEndTest {

    private final LedgerClient api = SharedPlatform.client();

    private static String osaiFile(String name, String type) {
        return "system:\n    name: " + name + "\n    type: " + type + "\n    link: https://example.org/t\n"
                + "org:\n    name: Type Lab\nweights_endmodel:\n    class: open\n    link: https://example.org/w\n";
    }

    private JsonNode importOsai(String name, String type) {
        var imported = api.post("/api/admin/imports/osai-index", "ada", Map.of("files",
                List.of(Map.of("name", name + ".yaml", "content", osaiFile(name, type)))));
        assertThat(imported.status()).as(String.valueOf(imported.body())).isEqualTo(200);
        return imported.body().at("/files/0");
    }

    @Test
    void aReviewerStatesAndCorrectsTheTypeAndTheListTheModelPageAndTheTimelineShowIt() {
        String modelId = "typed-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("/api/models", "alice", Map.of("modelId", modelId, "name", "Typed " + modelId,
                "producer", "Type Lab")).status()).isEqualTo(201);
        assertThat(api.get("/api/models/" + modelId).body().get("modelType").isNull()).isTrue();

        var stated = api.put("/api/models/" + modelId + "/type", "bob", Map.of("modelType", "image",
                "reason", "the model card says it generates images"));
        assertThat(stated.status()).as(String.valueOf(stated.body())).isEqualTo(200);
        assertThat(stated.body().get("modelType").asText()).isEqualTo("image");
        var corrected = api.put("/api/models/" + modelId + "/type", "carol", Map.of("modelType", "multimodal"));
        assertThat(corrected.body().get("modelType").asText()).isEqualTo("multimodal");

        assertThat(list(api.get("/api/models").body())).filteredOn(m -> m.get("modelId").asText().equals(modelId))
                .singleElement().satisfies(m -> assertThat(m.get("modelType").asText()).isEqualTo("multimodal"));
        assertThat(list(api.get("/api/models/" + modelId + "/history?kind=ModelTypeStated").body()))
                .extracting(e -> e.get("summary").asText())
                .containsExactly("model family " + modelId + ": type stated as image",
                        "model family " + modelId + ": type stated as multimodal (was image)");
    }

    @Test
    void anImportFillsAMissingTypeButNeverOverridesAStatedOne() {
        String name = "Import Typed " + UUID.randomUUID().toString().substring(0, 8);
        String modelId = importOsai(name, "code").get("modelId").asText();
        assertThat(api.get("/api/models/" + modelId).body().get("modelType").asText()).isEqualTo("code");

        // a family registered without a type (as every family was before types existed) gets the file's
        String untyped = "Untyped " + UUID.randomUUID().toString().substring(0, 8);
        String untypedId = untyped.toLowerCase().replace(' ', '-');
        assertThat(api.post("/api/models", "alice", Map.of("modelId", untypedId, "name", untyped,
                "producer", "Type Lab")).status()).isEqualTo(201);
        importOsai(untyped, "audio");
        assertThat(api.get("/api/models/" + untypedId).body().get("modelType").asText()).isEqualTo("audio");

        // a reviewer's correction stands when the file is imported again
        assertThat(api.put("/api/models/" + modelId + "/type", "bob", Map.of("modelType", "text")).status())
                .isEqualTo(200);
        importOsai(name, "code");
        assertThat(api.get("/api/models/" + modelId).body().get("modelType").asText()).isEqualTo("text");
    }

    @Test
    void unknownTypesUnknownModelsAndPeopleWithoutTheRoleAreRefusedAndChangeNothing() {
        String modelId = "typed-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("/api/models", "alice", Map.of("modelId", modelId, "name", "Typed " + modelId,
                "producer", "Type Lab", "modelType", "video")).status()).isEqualTo(201);

        var unknownType = api.put("/api/models/" + modelId + "/type", "bob", Map.of("modelType", "hologram"));
        assertThat(unknownType.status()).isEqualTo(400);
        assertThat(unknownType.contentType()).startsWith("application/problem+json");
        assertThat(api.put("/api/models/" + modelId + "/type", "paul", Map.of("modelType", "text")).status())
                .as("a producer without the reviewer role").isEqualTo(403);
        assertThat(api.put("/api/models/" + modelId + "/type", null, Map.of("modelType", "text")).status())
                .isEqualTo(401);
        assertThat(api.put("/api/models/no-such-" + modelId + "/type", "bob", Map.of("modelType", "text")).status())
                .isEqualTo(404);
        assertThat(api.get("/api/models/" + modelId).body().get("modelType").asText()).isEqualTo("video");
    }
}
