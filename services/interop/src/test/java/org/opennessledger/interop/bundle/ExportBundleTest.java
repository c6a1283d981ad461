package org.opennessledger.interop.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opennessledger.contracts.values.Evidence;
import org.opennessledger.contracts.views.AssessedComponentView;
import org.opennessledger.contracts.views.ClaimView;
import org.opennessledger.contracts.views.MatrixView;
import org.opennessledger.contracts.views.ModelView;
import org.opennessledger.contracts.views.ReleaseView;
import org.opennessledger.interop.osai.OsaiIndexReader;

class ExportBundleTest {

    private static ExportBundle.ExportedModel model(String policy) {
        ReleaseView release = new ReleaseView("demo-1b", "Demo 1B", "1B", LocalDate.of(2025, 1, 2), null,
                List.of("https://github.com/demo/demo"), "x", Instant.EPOCH, 1,
                List.of(new AssessedComponentView("final-weights", "c1", "open", "Apache-2.0", "family")));
        ModelView model = new ModelView("demo", "Demo", "Demo Lab", null, "x", Instant.EPOCH, List.of(release),
                List.of());
        ClaimView claim = new ClaimView("c1", "demo", null, "final-weights", "open", "Apache-2.0",
                List.of(new Evidence("https://github.com/demo/demo", "weights under Apache-2.0",
                        LocalDate.of(2026, 5, 1), null)),
                "released openly", "importer:osai-index", Instant.EPOCH, "ACCEPTED", true, policy, Instant.EPOCH,
                null, null, 0, 0, List.of(), List.of(), null);
        return new ExportBundle.ExportedModel(model, Map.of("c1", claim));
    }

    @Test
    void theIndexFormatsWriteOneFilePerReleaseNamedByModelAndRelease() throws Exception {
        Map<String, String> files = ExportBundle.files(ExportFormat.OSAI_INDEX, List.of(model("import:osai-index/1")),
                null);
        assertThat(files).containsOnlyKeys("demo__demo-1b.yaml", ExportBundle.NOTICE);
        assertThat(OsaiIndexReader.read(files.get("demo__demo-1b.yaml")).dimensions().get("weights_endmodel").cls())
                .isEqualTo("open");
        assertThat(ExportBundle.files(ExportFormat.MOT, List.of(model("import:osai-index/1")), null))
                .containsOnlyKeys("demo__demo-1b.yml", ExportBundle.NOTICE);
    }

    @Test
    void theNoticeCreditsTheSourceOfImportedFactsUnderItsLicenceAndOnlyThen() {
        String osai = ExportBundle.files(ExportFormat.JSON, List.of(model("import:osai-index/1")), null)
                .get(ExportBundle.NOTICE);
        assertThat(osai).contains("European Open Source AI Index").contains("CC-BY 4.0")
                .contains("10.5281/zenodo.15386042").doesNotContain("MIT");
        String community = ExportBundle.files(ExportFormat.JSON, List.of(model("consensus/1")), null)
                .get(ExportBundle.NOTICE);
        assertThat(community).contains("reviewers").doesNotContain("CC-BY").doesNotContain("MIT");
    }

    @Test
    void jsonAndJsonLdWriteOneDocumentPerModelAndCsvTheMatrix() {
        Map<String, String> json = ExportBundle.files(ExportFormat.JSON, List.of(model("consensus/1")), null);
        assertThat(json.get("demo.json")).contains("\"format\" : \"openness-ledger/model@1\"")
                .contains("\"releaseDate\" : \"2025-01-02\"").contains("\"rationale\" : \"released openly\"");
        Map<String, String> jsonld = ExportBundle.files(ExportFormat.JSONLD, List.of(model("consensus/1")), null);
        assertThat(jsonld.get("demo.evidence.jsonld")).contains("\"type\" : \"AnnotationCollection\"")
                .contains("\"exact\" : \"weights under Apache-2.0\"")
                .contains("urn:openness-ledger:claim:c1:evidence:1");
        MatrixView matrix = new MatrixView(List.of("final-weights"), List.of());
        assertThat(ExportBundle.files(ExportFormat.CSV, List.of(), matrix)).containsOnlyKeys("matrix.csv",
                ExportBundle.NOTICE);
    }
}
