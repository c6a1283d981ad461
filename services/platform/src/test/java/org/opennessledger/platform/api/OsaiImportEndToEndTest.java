package org.opennessledger.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.opennessledger.platform.api.CoreLoopEndToEndTest.list;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.opennessledger.interop.Datasets;
import org.opennessledger.interop.osai.OsaiIndexFile;
import org.opennessledger.interop.osai.OsaiIndexReader;

/**
 * The OSAI index's model files imported through the API with an admin's real token: every file is
 * reported, the imported assessments carry the index's score, a second import changes nothing, and
 * a broken file is reported without stopping the others.
 */
class OsaiImportEndToEndTest {

    private static final String IMPORT = "/api/admin/imports/osai-index";

    private final LedgerClient api = SharedPlatform.client();

    private static List<Map<String, String>> files() throws IOException {
        List<Map<String, String>> files = new ArrayList<>();
        try (Stream<Path> paths = Files.list(Datasets.dir().resolve("osai-index/models"))) {
            for (Path path : paths.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                files.add(Map.of("name", "models/" + path.getFileName(), "content", Files.readString(path)));
            }
        }
        return files;
    }

    private List<JsonNode> importInBatches(List<Map<String, String>> files) {
        List<JsonNode> reports = new ArrayList<>();
        for (int from = 0; from < files.size(); from += 10) {
            var answer = api.post(IMPORT, "ada", Map.of("retrievedOn", "2026-03-01",
                    "files", files.subList(from, Math.min(files.size(), from + 10))));
            assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(200);
            reports.addAll(list(answer.body().get("files")));
        }
        return reports;
    }

    @Test
    void theIndexImportsWithItsScoresAndASecondImportChangesNothing() throws IOException {
        List<Map<String, String>> files = files();
        List<JsonNode> reports = importInBatches(files);
        assertThat(reports).hasSize(files.size());
        assertThat(reports).allSatisfy(report -> assertThat(report.has("error")).as(report.toString()).isFalse());

        // Bark, read by hand: availability 3 of 5, documentation 3 of 6, licences partial → 6.5 / 12
        JsonNode bark = api.get("/api/models/bark/releases/bark").body();
        assertThat(bark.at("/scores/osaiIndex/score").asDouble()).isCloseTo(6.5 / 12, within(1e-9));
        assertThat(bark.get("components")).hasSize(12);
        JsonNode claim = api.get("/api/claims/" + bark.at("/components/0/claimId").asText()).body();
        assertThat(claim.get("authorId").asText()).isEqualTo("importer:osai-index");
        assertThat(claim.get("policyVersion").asText()).isEqualTo("import:osai-index/1");
        assertThat(claim.get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(claim.get("locked").asBoolean()).isTrue();
        JsonNode history = api.get("/api/models/bark/history").body();
        assertThat(list(history)).anySatisfy(entry -> {
            assertThat(entry.get("eventType").asText()).isEqualTo("ClaimImported");
            assertThat(entry.get("summary").asText()).contains("from models/Bark.yaml");
        });

        List<JsonNode> again = importInBatches(files.stream().filter(f -> f.get("name").endsWith("Bark.yaml")).toList());
        assertThat(again.get(0).has("error")).isFalse();
        assertThat(api.get("/api/models/bark/history").body().size()).isEqualTo(history.size());
        assertThat(api.get("/api/models/bark/releases/bark").body().get("assessmentVersion"))
                .isEqualTo(bark.get("assessmentVersion"));
    }

    @Test
    void anExportReadsBackAsTheImportedFileAndImportingItChangesNothing() throws Exception {
        Path barkFile = Datasets.dir().resolve("osai-index/models/Bark.yaml");
        importInBatches(List.of(Map.of("name", "models/Bark.yaml", "content", Files.readString(barkFile))));
        int historyBefore = api.get("/api/models/bark/history").body().size();

        var export = api.get("/api/exports/osai-index/bark");
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.contentType()).startsWith("application/yaml");
        OsaiIndexFile original = OsaiIndexReader.read(Files.readString(barkFile));
        OsaiIndexFile exported = OsaiIndexReader.read(export.raw().body());
        assertThat(exported.name()).isEqualTo("Bark");
        assertThat(exported.organisation()).isEqualTo("Suno");
        assertThat(exported.classes()).isEqualTo(original.classes());
        assertThat(exported.dimensions().get("weights_basemodel").link())
                .isEqualTo(original.dimensions().get("weights_basemodel").link());

        List<JsonNode> reports = importInBatches(List.of(Map.of("name", "export/bark.yaml",
                "content", export.raw().body())));
        assertThat(reports.get(0).has("error")).isFalse();
        assertThat(api.get("/api/models/bark/history").body().size()).isEqualTo(historyBefore);
        assertThat(api.get("/api/exports/osai-index/no-such-model").status()).isEqualTo(404);
    }

    @Test
    void aBrokenFileIsReportedWithItsLineAndTheOthersStillImport() {
        var answer = api.post(IMPORT, "ada", Map.of("files", List.of(
                Map.of("name", "broken.yaml", "content", "system:\n    name: Broken\npaper:\n    class: mostly\n"),
                Map.of("name", "fine.yaml", "content", "system:\n    name: Fine Model\n    link: https://example.org/fine\n"
                        + "org:\n    name: Fine Lab\npaper:\n    class: open\n"))));
        assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(200);
        JsonNode reports = answer.body().get("files");
        assertThat(reports.get(0).get("error").asText()).isEqualTo("line 3: paper.class is 'mostly'; the index knows "
                + "open, partial and closed (or empty)");
        assertThat(api.get("/api/models/broken").status()).isEqualTo(404);
        assertThat(reports.get(1).get("claims").asInt()).isEqualTo(1);
        assertThat(api.get("/api/models/fine-model").body().get("producer").asText()).isEqualTo("Fine Lab");
    }

    @Test
    void aFileTheLedgerWouldRefuseHalfwayIsRefusedWholeAndStoresNothing() {
        String longNotes = "x".repeat(10_001);
        var answer = api.post(IMPORT, "ada", Map.of("files", List.of(Map.of("name", "long.yaml", "content",
                "system:\n    name: Long Notes\n    link: https://example.org/long\npaper:\n    class: open\n"
                        + "modelcard:\n    class: open\n    notes: " + longNotes + "\n"))));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().at("/files/0/error").asText()).contains("model-card: the notes are longer than 10000");
        assertThat(api.get("/api/models/long-notes").status()).isEqualTo(404);
    }

    @Test
    void onlyAdminsImport() {
        Map<String, Object> body = Map.of("files", List.of(Map.of("name", "x.yaml", "content", "system:\n    name: X\n")));
        assertThat(api.post(IMPORT, "mia", body).status()).isEqualTo(403);
        assertThat(api.post(IMPORT, null, body).status()).isEqualTo(401);
        assertThat(api.get("/api/models/x").status()).isEqualTo(404);
    }
}
