package org.opennessledger.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opennessledger.platform.api.CoreLoopEndToEndTest.claimBody;
import static org.opennessledger.platform.api.CoreLoopEndToEndTest.propose;
import static org.opennessledger.platform.api.CoreLoopEndToEndTest.registerModelWithRelease;
import static org.opennessledger.platform.api.CoreLoopEndToEndTest.review;
import static org.opennessledger.platform.api.DisputeEndToEndTest.acceptedClaim;
import static org.opennessledger.platform.api.DisputeEndToEndTest.disputeBody;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.opennessledger.assessments.AssessmentsConfiguration;
import org.opennessledger.interop.Datasets;
import org.opennessledger.platform.Platform;
import org.opennessledger.platform.cli.LedgerCli;

/**
 * Rebuilding the read models from the event store gives them back document for document: a platform
 * of its own is given a varied history (imports, consensus, supersession, debate, a dispute decided,
 * a flag, a hidden argument), its read models are dumped, rebuilt through the API, and compared;
 * then rebuilt again by the command line's local mode on the stopped platform's data.
 */
class RebuildEndToEndTest {

    /** Every read-model document, collection by collection, in _id order. */
    static Map<String, List<String>> dump(MongoDatabase database) {
        Map<String, List<String>> documents = new LinkedHashMap<>();
        for (String collection : AssessmentsConfiguration.READ_MODEL_COLLECTIONS) {
            List<String> json = new ArrayList<>();
            for (Document document : database.getCollection(collection).find().sort(new Document("_id", 1))) {
                json.add(document.toJson());
            }
            documents.put(collection, json);
        }
        return documents;
    }

    static void history(LedgerClient api) throws Exception {
        for (String file : List.of("Bark.yaml", "OLMo.yaml")) {
            var imported = api.post("/api/admin/imports/osai-index", "ada", Map.of("retrievedOn", "2026-03-01",
                    "files", List.of(Map.of("name", file,
                            "content", Files.readString(Datasets.dir().resolve("osai-index/models/" + file))))));
            assertThat(imported.status()).isEqualTo(200);
        }
        String modelId = registerModelWithRelease(api, "alice");
        String accepted = acceptedClaim(api, modelId);
        // a second accepted claim on the same component supersedes the first
        String newer = propose(api, "bob", claimBody(modelId, "base-7b", "partial", "Apache-2.0 AND CC-BY-NC-4.0",
                "weights now non-commercial"));
        review(api, "carol", newer, "agree", null);
        review(api, "dave", newer, "agree", null);
        review(api, "alice", newer, "agree", null);
        String arguments = "/api/claims/" + newer + "/arguments";
        String argument = api.post(arguments, "carol", Map.of("stance", "pro", "text", "the terms say so"))
                .body().get("argumentId").asText();
        api.post(arguments, "dave", Map.of("stance", "question", "parentArgumentId", argument, "text", "since when?"));
        api.post("/api/flags", "dave", Map.of("claimId", newer, "argumentId", argument, "reason", "spam",
                "text", "off topic"));
        api.post(arguments + "/" + argument + "/hide", "mia", Map.of("reason", "off topic"));
        String disputeId = api.post("/api/claims/" + newer + "/disputes", "alice", disputeBody("terms unchanged"))
                .body().get("disputeId").asText();
        api.post("/api/disputes/" + disputeId + "/take", "mia", Map.of());
        var decided = api.post("/api/disputes/" + disputeId + "/resolution", "mia",
                Map.of("decision", "uphold", "rationale", "the new terms apply"));
        assertThat(decided.status()).as(String.valueOf(decided.body())).isEqualTo(200);
        assertThat(api.get("/api/claims/" + accepted).body().get("status").asText()).isEqualTo("SUPERSEDED");
        // a document in two versions with an annotation reviewed, debated, cited and carried over
        String url = "https://example.org/licences/rebuild-" + java.util.UUID.randomUUID();
        String documentId = api.post("/api/documents", "alice", Map.of("sourceUrl", url, "title", "Licence",
                "mediaType", "text/plain", "text", "1. Use it.\n2. Not above 700M users.\n")).body().get("documentId").asText();
        String annotationId = api.post("/api/annotations", "carol", Map.of("documentId", documentId, "version", 1,
                "quote", Map.of("exact", "Not above 700M users."), "tags", List.of("user-type-threshold"),
                "motivation", "assessing")).body().get("annotationId").asText();
        api.post("/api/annotations/" + annotationId + "/reviews", "bob", Map.of("verdict", "agree"));
        // debated, cited as a claim argument's evidence and for a licence term
        assertThat(api.post("/api/annotations/" + annotationId + "/arguments", "dave", Map.of("stance", "question",
                "text", "customers or users?")).status()).isEqualTo(201);
        assertThat(api.post("/api/claims/" + accepted + "/arguments", "dave", Map.of("stance", "pro",
                "text", "see clause 2", "evidence", List.of(Map.of("annotationId", annotationId)))).status()).isEqualTo(201);
        assertThat(api.post("/api/admin/licences/llama3.2-community/citations", "ada", Map.of("term",
                "monthly-active-users", "annotationId", annotationId)).status()).isEqualTo(201);
        assertThat(api.post("/api/documents", "alice", Map.of("sourceUrl", url, "title", "Licence",
                "mediaType", "text/plain", "text", "0. Terms.\n1. Use it.\n2. Not above 700M users.\n")).status())
                .isEqualTo(201);
    }

    @Test
    void rebuiltReadModelsEqualTheLiveOnesDocumentForDocument() throws Exception {
        Path data = SharedPlatform.newDataDir();
        Map<String, List<String>> live;
        try (Platform platform = SharedPlatform.start(Map.of(), data)) {
            LedgerClient api = new LedgerClient(platform.httpPort());
            history(api);
            platform.readModelsCaughtUp().get();
            live = dump(platform.readStore().database());
            assertThat(live.values()).allSatisfy(documents -> assertThat(documents).isNotEmpty());

            assertThat(api.post("/api/admin/read-models/rebuild", "mia", Map.of("reason", "x")).status())
                    .isEqualTo(403);
            // damage the read models: only a real rebuild brings them back
            MongoDatabase database = platform.readStore().database();
            for (String collection : AssessmentsConfiguration.READ_MODEL_COLLECTIONS) {
                database.getCollection(collection).deleteOne(new Document());
            }
            assertThat(dump(database)).isNotEqualTo(live);
            var rebuilt = api.post("/api/admin/read-models/rebuild", "ada", Map.of("reason", "test: rebuild"));
            assertThat(rebuilt.status()).as(String.valueOf(rebuilt.body())).isEqualTo(200);
            JsonNode report = rebuilt.body();
            assertThat(report.get("events").asLong()).isPositive();
            assertThat(report.get("documents").asLong())
                    .isEqualTo(live.values().stream().mapToLong(List::size).sum());
            assertThat(dump(platform.readStore().database())).isEqualTo(live);
        }

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = LedgerCli.run(new PrintWriter(out, true), new PrintWriter(err, true),
                "rebuild", "--local", "--data-dir", data.toString(), "--reason", "test: local rebuild");
        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).matches("(?s)rebuilt \\d+ read-model documents from \\d+ events in .*");
        try (Platform again = SharedPlatform.start(Map.of(), data)) {
            assertThat(dump(again.readStore().database())).isEqualTo(live);
        }
    }
}
