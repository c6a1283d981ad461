package org.opennessledger.interop.mot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.opennessledger.contracts.models.ImportClaim;
import org.opennessledger.contracts.values.ComponentId;
import org.opennessledger.contracts.values.Evidence;
import org.opennessledger.contracts.views.AssessedComponentView;
import org.opennessledger.contracts.views.ClaimView;
import org.opennessledger.contracts.views.ModelView;
import org.opennessledger.contracts.views.ReleaseView;
import org.opennessledger.interop.Datasets;
import org.opennessledger.interop.ImportPlan;
import org.opennessledger.interop.SourceFormatException;

/**
 * Import → export → import on every release file of the Model Openness Tool: the second import plans
 * the very same facts (same family, release, and per component the same openness, licence, evidence
 * and rationale), so the ledger's idempotent import changes nothing. The assessment between the two
 * is what the first plan's claims would make it: each planned claim accepted for its component.
 */
class MotExportTest {

    private static final LocalDate RETRIEVED = LocalDate.of(2026, 5, 1);

    @Test
    void everyImportableToolFilePlansTheSameFactsAfterAnExportAndAnotherImport() throws Exception {
        List<Path> files;
        try (Stream<Path> all = Files.list(Datasets.dir().resolve("mot/models"))) {
            files = all.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
        }
        int roundTrips = 0;
        for (Path file : files) {
            String yaml = Files.readString(file);
            ImportPlan first;
            try {
                first = MotImport.plan(MotReader.read(yaml), yaml, "mot", RETRIEVED);
            } catch (SourceFormatException unreadableLicence) {
                continue; // refused on import: nothing to export
            }
            String exported = MotWriter.write(exportOf(first));
            ImportPlan second = MotImport.plan(MotReader.read(exported), exported, "mot", RETRIEVED);

            assertThat(second.modelId()).as(file.toString()).isEqualTo(first.modelId());
            assertThat(second.family().name()).isEqualTo(first.family().name());
            assertThat(second.family().producer()).isEqualTo(first.family().producer());
            assertThat(second.family().modelType()).as(file.toString()).isEqualTo(first.family().modelType());
            assertThat(second.release().releaseId()).as(file.toString()).isEqualTo(first.release().releaseId());
            assertThat(second.release().name()).isEqualTo(first.release().name());
            assertThat(facts(second)).as(file + "\n" + exported).isEqualTo(facts(first));
            roundTrips++;
        }
        assertThat(roundTrips).isGreaterThanOrEqualTo(40);
    }

    @Test
    void closedAndNotApplicableComponentsAreNotListedAndAComponentWithoutLicenceIsWrittenUnlicensed() throws Exception {
        ModelView model = new ModelView("demo", "Demo", "Demo Lab", null, "x", Instant.EPOCH, List.of(), List.of());
        ReleaseView release = new ReleaseView("demo-1b", "Demo 1B", "1B", LocalDate.of(2025, 1, 2), null,
                List.of("https://github.com/demo/demo"), "x", Instant.EPOCH, 1, List.of(
                new AssessedComponentView("final-weights", "c1", "open", "Apache-2.0", "release"),
                new AssessedComponentView("training-code", "c2", "closed", null, "release"),
                new AssessedComponentView("evaluation-data", "c3", "not-applicable", null, "release"),
                new AssessedComponentView("model-card", "c4", "partial", null, "family"),
                new AssessedComponentView("api-access", "c5", "open", null, "release")));
        Map<String, ClaimView> claims = new HashMap<>();
        for (AssessedComponentView c : release.components()) {
            claims.put(c.claimId(), claim(c.claimId(), "demo", "demo-1b", c.component(), c.openness(), c.licence(),
                    "https://github.com/demo/demo", "why"));
        }

        String yaml = MotWriter.write(MotExport.of(model, release, claims));
        MotFile read = MotReader.read(yaml);

        assertThat(read.name()).isEqualTo("Demo");
        assertThat(read.version()).isEqualTo("1B");
        assertThat(read.origin()).isEqualTo("Demo");
        assertThat(read.date()).isEqualTo("2025-01-02");
        assertThat(read.repository()).isEqualTo("https://github.com/demo/demo");
        assertThat(read.components()).extracting(c -> c.component().component(), MotFile.ReleasedComponent::licence)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ComponentId.FINAL_WEIGHTS, "Apache-2.0"),
                        org.assertj.core.groups.Tuple.tuple(ComponentId.MODEL_CARD, ""));
        assertThat(MotEvaluation.resolve(read).get(org.opennessledger.assessments.frameworks.Mof.Component.MODEL_CARD))
                .isEqualTo("unlicensed");
    }

    /** What the ledger would show after importing the plan: each planned claim accepted for its component. */
    private static MotFile exportOf(ImportPlan plan) {
        Map<String, ClaimView> claims = new HashMap<>();
        List<AssessedComponentView> components = new ArrayList<>();
        for (ImportClaim planned : plan.claims()) {
            ClaimView claim = claim(planned.claimId(), plan.modelId(), plan.release().releaseId(),
                    planned.target().component().id(), planned.openness().id(), planned.licence(),
                    planned.evidence().get(0).url(), planned.rationale());
            claims.put(claim.claimId(), claim);
            components.add(new AssessedComponentView(claim.component(), claim.claimId(), claim.openness(),
                    claim.licence(), "release"));
        }
        ModelView model = new ModelView(plan.modelId(), plan.family().name(), plan.family().producer(), null,
                "importer:mot", Instant.EPOCH, List.of(), List.of(), null,
                plan.family().modelType() == null ? null : plan.family().modelType().id());
        ReleaseView release = new ReleaseView(plan.release().releaseId(), plan.release().name(),
                plan.release().version(), plan.release().releaseDate(), null, plan.release().links(), "importer:mot",
                Instant.EPOCH, 1, List.copyOf(components));
        return MotExport.of(model, release, claims);
    }

    private static ClaimView claim(String id, String modelId, String releaseId, String component, String openness,
                                   String licence, String url, String rationale) {
        return new ClaimView(id, modelId, releaseId, component, openness, licence,
                List.of(new Evidence(url, null, RETRIEVED, null)), rationale, "importer:mot", Instant.EPOCH,
                "accepted", true, "import:mot/1", Instant.EPOCH, null, null, 0, 0, List.of(), List.of(), null);
    }

    /** Per component: openness, licence, evidence and rationale (the claim ids are new on every plan). */
    private static Map<ComponentId, List<Object>> facts(ImportPlan plan) {
        Map<ComponentId, List<Object>> facts = new HashMap<>();
        for (ImportClaim claim : plan.claims()) {
            facts.put(claim.target().component(), java.util.Arrays.asList(claim.target().releaseId(), claim.openness(),
                    claim.licence(), claim.evidence(), claim.rationale(), claim.importPolicy()));
        }
        return facts;
    }
}
