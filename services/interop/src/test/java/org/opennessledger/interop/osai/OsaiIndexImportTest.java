package org.opennessledger.interop.osai;

import org.opennessledger.interop.ImportPlan;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.opennessledger.contracts.models.ImportClaim;
import org.opennessledger.contracts.values.ComponentId;
import org.opennessledger.contracts.values.ModelType;
import org.opennessledger.contracts.values.Openness;
import org.opennessledger.interop.Datasets;

class OsaiIndexImportTest {

    private static final LocalDate SNAPSHOT = LocalDate.of(2026, 3, 1);

    @Test
    void barkBecomesAFamilyByItsOrganisationWithOneFamilyWideClaimPerDimension() throws Exception {
        OsaiIndexFile bark = OsaiIndexReader.read(Files.readString(Datasets.dir().resolve("osai-index/models/Bark.yaml")));
        ImportPlan plan = OsaiIndexImport.plan(bark, "models/Bark.yaml", SNAPSHOT);

        assertThat(plan.modelId()).isEqualTo("bark");
        assertThat(plan.family().producer()).isEqualTo("Suno");
        assertThat(plan.family().modelType()).as("system.type: audio").isEqualTo(ModelType.AUDIO);
        assertThat(plan.release().releaseId()).isEqualTo("bark");
        assertThat(plan.release().name()).isEqualTo("Bark");
        assertThat(plan.claims()).hasSize(12);
        assertThat(plan.skipped()).isEmpty();
        Map<ComponentId, ImportClaim> byComponent = plan.claims().stream()
                .collect(Collectors.toMap(c -> c.target().component(), c -> c));
        ImportClaim baseWeights = byComponent.get(ComponentId.BASE_MODEL_WEIGHTS);
        assertThat(baseWeights.openness()).isEqualTo(Openness.OPEN);
        assertThat(baseWeights.target().releaseId()).isNull();
        assertThat(baseWeights.evidence().get(0).url()).isEqualTo("https://huggingface.co/suno/bark");
        assertThat(baseWeights.importPolicy()).isEqualTo("import:osai-index/1");
        assertThat(baseWeights.source()).isEqualTo("models/Bark.yaml");
        // no link of its own: the system's link is the evidence
        ImportClaim baseData = byComponent.get(ComponentId.BASE_TRAINING_DATA);
        assertThat(baseData.openness()).isEqualTo(Openness.CLOSED);
        assertThat(baseData.evidence().get(0).url()).isEqualTo("https://github.com/suno-ai/bark?tab=readme-ov-file");
        assertThat(byComponent.get(ComponentId.LICENCE_TERMS).openness()).isEqualTo(Openness.PARTIAL);
    }

    @Test
    void anEmptyClassIsNotApplicableAndADimensionWithoutAnyLinkIsSkippedWithTheReason() throws Exception {
        OsaiIndexFile file = OsaiIndexReader.read("""
                system:
                    name: Tiny Model 2.0
                paper:
                    class:
                    link: https://example.org/paper
                preprint:
                    class: open
                """);
        ImportPlan plan = OsaiIndexImport.plan(file, "t.yaml", SNAPSHOT);
        assertThat(plan.modelId()).isEqualTo("tiny-model-2.0");
        assertThat(plan.family().producer()).isEqualTo("unknown");
        assertThat(plan.family().modelType()).as("no system.type").isNull();
        assertThat(plan.claims()).singleElement().satisfies(c -> {
            assertThat(c.target().component()).isEqualTo(ComponentId.PEER_REVIEWED_PAPER);
            assertThat(c.openness()).isEqualTo(Openness.NOT_APPLICABLE);
        });
        assertThat(plan.skipped()).containsExactly("preprint: no http(s) link to cite as evidence");
    }
}
