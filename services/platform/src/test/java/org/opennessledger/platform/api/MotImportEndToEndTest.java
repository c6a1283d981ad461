package org.opennessledger.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.opennessledger.platform.api.CoreLoopEndToEndTest.list;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.opennessledger.assessments.frameworks.MofScorer;
import org.opennessledger.contracts.models.ImportClaim;
import org.opennessledger.interop.Datasets;
import org.opennessledger.interop.ImportPlan;
import org.opennessledger.interop.mot.MotEvaluation;
import org.opennessledger.interop.mot.MotFile;
import org.opennessledger.interop.mot.MotImport;
import org.opennessledger.interop.mot.MotReader;

/**
 * The Model Openness Tool's release files imported through the API with an admin's token: files with
 * licence names the ledger cannot read are reported with their line and import nothing; for the
 * others, the ledger's own MOF score of the imported release is the tool's evaluation of the file.
 */
class MotImportEndToEndTest {

    private final LedgerClient api = SharedPlatform.client();

    @Test
    void importedReleasesScoreUnderMofAsTheToolScoresTheirFiles() throws Exception {
        List<Path> paths;
        try (Stream<Path> all = Files.list(Datasets.dir().resolve("mot/models"))) {
            paths = all.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
        }
        List<JsonNode> reports = new ArrayList<>();
        for (int from = 0; from < paths.size(); from += 10) {
            List<Map<String, String>> batch = new ArrayList<>();
            for (Path path : paths.subList(from, Math.min(paths.size(), from + 10))) {
                batch.add(Map.of("name", path.getFileName().toString(), "content", Files.readString(path)));
            }
            var answer = api.post("/api/admin/imports/mot", "ada", Map.of("retrievedOn", "2026-05-01", "files", batch));
            assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(200);
            reports.addAll(list(answer.body().get("files")));
        }
        assertThat(reports).hasSize(paths.size());
        List<JsonNode> refused = reports.stream().filter(r -> r.has("error")).toList();
        assertThat(refused).isNotEmpty().allSatisfy(r -> assertThat(r.get("error").asText())
                .matches("line \\d+: unknown licence name .*"));

        Map<String, Integer> releases = new HashMap<>();
        Map<Path, ImportPlan> plans = new HashMap<>();
        for (Path path : paths) {
            String yaml = Files.readString(path);
            try {
                ImportPlan plan = MotImport.plan(MotReader.read(yaml), yaml, "x", LocalDate.now());
                plans.put(path, plan);
                releases.merge(plan.modelId() + "/" + plan.release().releaseId(), 1, Integer::sum);
            } catch (Exception refusedFile) {
                // reported above
            }
        }
        int compared = 0;
        for (Map.Entry<Path, ImportPlan> entry : plans.entrySet()) {
            ImportPlan plan = entry.getValue();
            MotFile file = MotReader.read(Files.readString(entry.getKey()));
            boolean sameLicences = plan.claims().stream().allMatch(claim -> sameAsTool(claim, file));
            if (!sameLicences || plan.claims().isEmpty()
                    || releases.get(plan.modelId() + "/" + plan.release().releaseId()) > 1) {
                continue; // a spelling the ledger mapped, no evidence link, or two files for one release
            }
            MofScorer.Result tool = MotEvaluation.of(file);
            JsonNode mof = api.get("/api/models/" + plan.modelId() + "/releases/" + plan.release().releaseId())
                    .body().at("/scores/mof");
            assertThat(mof.get("classReached").asInt()).as(entry.getKey().toString()).isEqualTo(tool.classReached());
            for (int mofClass = 1; mofClass <= 3; mofClass++) {
                assertThat(mof.at("/percent/" + mofClass).asDouble()).as(entry.getKey() + " class " + mofClass)
                        .isCloseTo(tool.percent().get(mofClass), within(1e-9));
            }
            compared++;
        }
        assertThat(compared).isGreaterThanOrEqualTo(10);
        JsonNode amber = api.get("/api/models/amber/releases/amber-7b").body();
        assertThat(amber.at("/scores/mof/classReached").asInt()).isEqualTo(1);
    }

    /** Whether the ledger recorded the component under the very licence string the tool judged. */
    private static boolean sameAsTool(ImportClaim claim, MotFile file) {
        String tool = file.components().stream().filter(c -> c.component().component() == claim.target().component())
                .findFirst().map(c -> toolLicence(c, file)).orElse(null);
        return claim.licence() == null ? MofScorer.UNLICENSED.equals(tool) : Objects.equals(claim.licence(), tool);
    }

    private static String toolLicence(MotFile.ReleasedComponent component, MotFile file) {
        if (component.licence() != null) {
            return component.licence().isEmpty() ? MofScorer.UNLICENSED : component.licence();
        }
        String global = file.globalLicences().get(component.component().contentType());
        return global != null ? global : file.distributionLicence() != null ? file.distributionLicence()
                : MofScorer.UNLICENSED;
    }
}
