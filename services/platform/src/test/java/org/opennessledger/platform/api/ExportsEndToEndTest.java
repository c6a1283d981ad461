package org.opennessledger.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opennessledger.platform.api.CoreLoopEndToEndTest.list;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opennessledger.contracts.values.ComponentId;
import org.opennessledger.interop.mot.MotFile;
import org.opennessledger.interop.mot.MotReader;
import org.opennessledger.platform.Platform;
import org.opennessledger.platform.TestEnvironment;
import org.opennessledger.platform.cli.LedgerCli;

/**
 * Exports with real tokens: a Model Openness Tool release exported and imported again changes nothing
 * (also when the file spelled its licence in a way the ledger maps); the whole ledger exports through
 * {@code ./ledger export} in every format; only admins export the whole ledger.
 */
class ExportsEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LedgerClient api = SharedPlatform.client();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** A release file as the tool writes them: a licence spelled out, an unlicensed card, an open dataset. */
    private static String motFile(String name) {
        return """
                framework:
                  name: 'Model Openness Framework'
                  version: '1.0'
                  date: '2024-12-15'
                release:
                  name: %s
                  version: 2B
                  producer: Export Lab
                  repository: 'https://github.com/example/export'
                  huggingface: 'https://huggingface.co/example/export'
                  license:
                    distribution:
                      name: 'Apache License 2.0'
                  components:
                    - name: 'Model architecture'
                    - name: 'Model parameters (Final)'
                    - name: 'Model card'
                      license: ''
                    - name: Datasets
                      license: CC-BY-4.0
                """.formatted(name);
    }

    private JsonNode importMot(String name, String content) {
        var answer = api.post("/api/admin/imports/mot", "ada", Map.of("retrievedOn", "2026-05-01",
                "files", List.of(Map.of("name", name, "content", content))));
        assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(200);
        JsonNode report = answer.body().at("/files/0");
        assertThat(report.has("error")).as(report.toString()).isFalse();
        return report;
    }

    private int cli(String... args) {
        return LedgerCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private String[] connection() {
        return new String[] {"--api", "http://127.0.0.1:" + SharedPlatform.port(), "--keycloak",
                TestEnvironment.keycloakUrl()};
    }

    @Test
    void aToolReleaseExportedAndImportedAgainChangesNothing() throws Exception {
        importMot("export-one.yml", motFile("Export One"));
        JsonNode release = api.get("/api/models/export-one/releases/export-one-2b").body();
        JsonNode weights = list(release.get("components")).stream()
                .filter(c -> c.get("component").asText().equals(ComponentId.FINAL_WEIGHTS.id())).findFirst().orElseThrow();
        // "Apache License 2.0" is the ledger's Apache-2.0, which the tool's rules count open
        assertThat(weights.get("licence").asText()).isEqualTo("Apache-2.0");
        assertThat(weights.get("openness").asText()).isEqualTo("open");
        int historyBefore = api.get("/api/models/export-one/history").body().size();

        var export = api.get("/api/exports/mot/export-one/export-one-2b");
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.contentType()).startsWith("application/yaml");
        assertThat(export.header("Content-Disposition")).contains("export-one__export-one-2b.yml");
        MotFile exported = MotReader.read(export.raw().body());
        assertThat(exported.name()).isEqualTo("Export One");
        assertThat(exported.version()).isEqualTo("2B");
        assertThat(exported.repository()).isEqualTo("https://github.com/example/export");
        assertThat(exported.components()).extracting(c -> c.component().component(), MotFile.ReleasedComponent::licence)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(ComponentId.MODEL_ARCHITECTURE_CODE, "Apache-2.0"),
                        org.assertj.core.groups.Tuple.tuple(ComponentId.FINAL_WEIGHTS, "Apache-2.0"),
                        org.assertj.core.groups.Tuple.tuple(ComponentId.MODEL_CARD, ""),
                        org.assertj.core.groups.Tuple.tuple(ComponentId.BASE_TRAINING_DATA, "CC-BY-4.0"));

        importMot("export/export-one.yml", export.raw().body());
        assertThat(api.get("/api/models/export-one/history").body().size()).isEqualTo(historyBefore);
        JsonNode after = api.get("/api/models/export-one/releases/export-one-2b").body();
        assertThat(after.get("assessmentVersion")).isEqualTo(release.get("assessmentVersion"));
        assertThat(after.get("components")).isEqualTo(release.get("components"));
        assertThat(api.get("/api/exports/mot/export-one/no-such-release").status()).isEqualTo(404);
    }

    @Test
    void theWholeLedgerExportsThroughTheCommandLineInEveryFormat(@TempDir Path root) throws Exception {
        importMot("export-two.yml", motFile("Export Two"));
        int historyBefore = api.get("/api/models/export-two/history").body().size();

        assertThat(cli(withConnection("export", "mot", root.resolve("mot").toString()))).as(out + "\n" + err)
                .isEqualTo(0);
        Path motFile = root.resolve("mot/export-two__export-two-2b.yml");
        assertThat(motFile).exists();
        assertThat(Files.readString(root.resolve("mot/NOTICE.md"))).contains("Model Openness Tool")
                .contains("MIT");
        // the exported file, imported again through the command line, changes nothing
        assertThat(cli(withConnection("import", "mot", motFile.toString()))).as(out + "\n" + err).isEqualTo(0);
        assertThat(api.get("/api/models/export-two/history").body().size()).isEqualTo(historyBefore);

        assertThat(cli(withConnection("export", "json", root.resolve("json").toString()))).isEqualTo(0);
        JsonNode document = JSON.readTree(root.resolve("json/export-two.json").toFile());
        assertThat(document.get("format").asText()).isEqualTo("openness-ledger/model@1");
        JsonNode component = document.at("/releases/0/components/0");
        assertThat(component.at("/claim/status").asText()).isEqualTo("ACCEPTED");
        assertThat(component.at("/claim/evidence/0/url").asText()).isEqualTo("https://github.com/example/export");
        assertThat(document.at("/releases/0/scores/mof/version").asText()).isEqualTo("mof-1.0");

        assertThat(cli(withConnection("export", "csv", root.resolve("csv").toString()))).isEqualTo(0);
        assertThat(Files.readString(root.resolve("csv/matrix.csv"))).contains("export-two-2b");

        assertThat(cli(withConnection("export", "jsonld", root.resolve("jsonld").toString()))).isEqualTo(0);
        JsonNode annotations = JSON.readTree(root.resolve("jsonld/export-two.evidence.jsonld").toFile());
        assertThat(annotations.get("type").asText()).isEqualTo("AnnotationCollection");
        assertThat(annotations.get("total").asInt()).isEqualTo(4);
        assertThat(annotations.at("/first/items/0/target/source").asText()).isEqualTo("https://github.com/example/export");

        assertThat(cli(withConnection("export", "osai", root.resolve("osai").toString()))).isEqualTo(0);
        assertThat(root.resolve("osai/export-two__export-two-2b.yaml")).exists();
        assertThat(out.toString()).contains("files written to " + root.resolve("osai") + " (osai-index)");
    }

    @Test
    void onlyAdminsExportTheWholeLedgerAndAnUnknownFormatIsRefused(@TempDir Path dir) throws Exception {
        HttpResponse<byte[]> zip = api.getBytes("/api/admin/exports/csv", "ada");
        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(zip.headers().firstValue("Content-Type")).hasValue("application/zip");
        assertThat(entries(zip.body())).containsExactly("NOTICE.md", "matrix.csv");

        var reviewer = api.get("/api/admin/exports/csv", "alice");
        assertThat(reviewer.status()).isEqualTo(403);
        assertThat(reviewer.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/api/admin/exports/csv").status()).isEqualTo(401);
        var unknown = api.get("/api/admin/exports/xml", "ada");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.contentType()).startsWith("application/problem+json");

        assertThat(cli(withConnection("export", "xml", dir.toString()))).isEqualTo(2);
        assertThat(err.toString()).contains("unknown format 'xml': choose one of osai-index, mot, json, csv, jsonld");
        assertThat(cli(withConnection("export", "csv", dir.toString(), "--user", "alice", "--password", "alice-pass")))
                .isEqualTo(2);
        assertThat(err.toString()).contains("the ledger answered 403");
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    /**
     * Local admin mode: with no platform running, the export reads the data directory itself and
     * needs no token; while a platform runs on the directory, it refuses and leaves that platform be.
     */
    @Test
    void aLocalExportReadsAStoppedPlatformsDataAndRefusesARunningOnesUntouched(@TempDir Path exports) throws Exception {
        Path data = SharedPlatform.newDataDir();
        Path whileRunning = Files.createDirectory(exports.resolve("while-running"));
        try (Platform running = SharedPlatform.start(Map.of(), data)) {
            LedgerClient own = new LedgerClient(running.httpPort());
            var imported = own.post("/api/admin/imports/mot", "ada", Map.of("retrievedOn", "2026-05-01",
                    "files", List.of(Map.of("name", "export-local.yml", "content", motFile("Export Local")))));
            assertThat(imported.status()).isEqualTo(200);

            assertThat(cli("export", "json", whileRunning.toString(), "--local", "--data-dir", data.toString()))
                    .isEqualTo(2);
            // (in this one JVM the event store is shared, so the read store's file lock is what refuses)
            assertThat(err.toString()).contains("is a platform running on it?").contains("locked");
            assertThat(own.get("/api/models/export-local/releases/export-local-2b").body().get("components"))
                    .hasSize(4);
            var stillWriting = own.post("/api/models", "alice", Map.of("modelId", "export-local-after",
                    "name", "Export Local After", "producer", "Export Lab"));
            assertThat(stillWriting.status()).isEqualTo(201);
        }
        try (var files = Files.list(whileRunning)) {
            assertThat(files).isEmpty();
        }

        Path dir = Files.createDirectory(exports.resolve("local"));
        // no --api, --keycloak or token: nothing is listening for this directory now
        assertThat(cli("export", "json", dir.toString(), "--local", "--data-dir", data.toString()))
                .as(out + "\n" + err).isEqualTo(0);
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("export-local.json",
                    "export-local-after.json", "NOTICE.md");
        }
        JsonNode document = JSON.readTree(dir.resolve("export-local.json").toFile());
        assertThat(document.at("/releases/0/components")).hasSize(4);
        assertThat(document.at("/releases/0/releaseId").asText()).isEqualTo("export-local-2b");

        assertThat(cli("export", "json", dir.toString(), "--local", "--data-dir", dir.resolve("none").toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("no ledger data in");
    }

    private String[] withConnection(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(connection()));
        return all.toArray(String[]::new);
    }

    private static List<String> entries(byte[] zip) throws Exception {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                names.add(entry.getName());
            }
        }
        return names;
    }
}
