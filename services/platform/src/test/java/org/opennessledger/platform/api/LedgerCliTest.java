package org.opennessledger.platform.api;

import org.opennessledger.interop.ImportPlan;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opennessledger.assessments.frameworks.OsaiIndex;
import org.opennessledger.interop.Datasets;
import org.opennessledger.interop.osai.OsaiHistory;
import org.opennessledger.interop.osai.OsaiIndexFile;
import org.opennessledger.interop.osai.OsaiIndexImport;
import org.opennessledger.interop.osai.OsaiIndexReader;
import org.opennessledger.platform.TestEnvironment;
import org.opennessledger.platform.cli.LedgerCli;

/** The command behind {@code ./ledger import}: real token from the test Keycloak, real platform. */
class LedgerCliTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return LedgerCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private String api() {
        return "http://127.0.0.1:" + SharedPlatform.port();
    }

    @Test
    void importsADirectoryOfModelFilesAndReportsEachAndTheBrokenOnes(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("good.yaml"), "system:\n    name: Cli Model\n    link: https://example.org/cli\n"
                + "org:\n    name: Cli Lab\nmodelcard:\n    class: partial\n");
        Files.writeString(dir.resolve("bad.yaml"), "system:\n    name: [broken\n");

        int exit = run("import", "osai", dir.toString(), "--api", api(), "--keycloak", TestEnvironment.keycloakUrl());

        assertThat(exit).as(out + "\n" + err).isEqualTo(1);
        assertThat(out.toString()).contains("good.yaml → cli-model: 1 claims").contains("1 of 2 files imported");
        assertThat(err.toString()).contains("bad.yaml: line").contains("not valid YAML");
        assertThat(SharedPlatform.client().get("/api/models/cli-model").body().get("producer").asText())
                .isEqualTo("Cli Lab");
    }

    /**
     * OLMo's 18 versions in the index's history, replayed: as of each commit's date, the release the
     * commit describes is assessed exactly as that commit's file says.
     */
    @Test
    void replayingTheHistoryDatesEveryVersionByItsCommitAndTheAssessmentFollowsIt(@TempDir Path dir) throws Exception {
        Path history = Datasets.dir().resolve("osai-index/history.jsonl");
        List<String> olmoLines = Files.readAllLines(history).stream().filter(l -> l.contains("\"path\": \"OLMo.yaml\""))
                .toList();
        assertThat(olmoLines).hasSizeGreaterThan(10);
        Path olmo = Files.write(dir.resolve("olmo-history.jsonl"), olmoLines);

        int exit = run("import", "osai-history", olmo.toString(), "--api", api(), "--keycloak",
                TestEnvironment.keycloakUrl());
        assertThat(exit).as(out + "\n" + err).isZero();

        LedgerClient api = SharedPlatform.client();
        for (OsaiHistory.Version version : OsaiHistory.read(olmo).versions()) {
            OsaiIndexFile file = OsaiIndexReader.read(version.content());
            ImportPlan plan = OsaiIndexImport.plan(file, "x", LocalDate.now());
            Instant at = version.date().toInstant();
            JsonNode asOf = null;
            for (JsonNode assessment : api.get("/api/models/" + plan.modelId() + "/releases/"
                    + plan.release().releaseId() + "/assessments").body()) {
                if (!Instant.parse(assessment.get("publishedAt").asText()).isAfter(at)) {
                    asOf = assessment;
                }
            }
            assertThat(asOf).as("an assessment as of %s", version.date()).isNotNull();
            JsonNode classes = asOf.at("/scores/osaiIndex/classes");
            for (Map.Entry<String, String> dimension : file.classes().entrySet()) {
                if (OsaiIndex.CURRENT_12.dimensions().contains(dimension.getKey())) {
                    assertThat(classes.get(dimension.getKey()).asText())
                            .as("%s as of %s", dimension.getKey(), version.date()).isEqualTo(dimension.getValue());
                }
            }
        }
    }

    @Test
    void badUsageAndWrongCredentialsExitWithTwoAndSayWhy(@TempDir Path dir) throws Exception {
        assertThat(run("import", "spdx", ".", "--api", api())).isEqualTo(2);
        assertThat(err.toString()).contains("unknown format 'spdx'");
        Path file = Files.writeString(dir.resolve("one.yaml"), "system:\n    name: Never\n");
        assertThat(run("import", "osai", file.toString(), "--api", api(), "--keycloak", TestEnvironment.keycloakUrl(),
                "--user", "ada", "--password", "wrong")).isEqualTo(2);
        assertThat(err.toString()).contains("cannot get a token");
        assertThat(SharedPlatform.client().get("/api/models/never").status()).isEqualTo(404);
    }
}
