package org.opennessledger.interop.mot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.opennessledger.interop.ImportPlan;
import org.opennessledger.interop.SourceFormatException;

class MotImportTest {

    private static ImportPlan plan(String yaml) throws Exception {
        return MotImport.plan(MotReader.read(yaml), yaml, "mot/x.yml", LocalDate.of(2026, 5, 1));
    }

    @Test
    void amberBecomesAReleaseWithOneOpenClaimPerComponentAndTheResolvedLicences() throws Exception {
        String yaml = Files.readString(Datasets.dir().resolve("mot/models/Amber.yml"));
        ImportPlan plan = plan(yaml);
        assertThat(plan.modelId()).isEqualTo("amber");
        assertThat(plan.release().releaseId()).isEqualTo("amber-7b");
        assertThat(plan.family().producer()).isEqualTo("LLM360");
        assertThat(plan.family().modelType()).as("the tool's 'language' is a text model").isEqualTo(ModelType.TEXT);
        assertThat(plan.claims()).hasSize(16);
        Map<ComponentId, ImportClaim> byComponent = plan.claims().stream()
                .collect(Collectors.toMap(c -> c.target().component(), c -> c));
        assertThat(byComponent.get(ComponentId.BASE_TRAINING_DATA).licence()).isEqualTo("MIT");
        assertThat(byComponent.get(ComponentId.FINAL_WEIGHTS).licence()).isEqualTo("Apache-2.0");
        assertThat(byComponent.get(ComponentId.FINAL_WEIGHTS).openness()).isEqualTo(Openness.OPEN);
        assertThat(byComponent.get(ComponentId.FINAL_WEIGHTS).target().releaseId()).isEqualTo("amber-7b");
        assertThat(byComponent.get(ComponentId.FINAL_WEIGHTS).importPolicy()).isEqualTo("import:mot/1");
    }

    @Test
    void knownSpellingsMapToLedgerIdsAndUnlicensedComponentsArePartialWithoutLicence() throws Exception {
        ImportPlan plan = plan("""
                release:
                  name: Demo
                  version: 1B
                  huggingface: 'https://huggingface.co/demo'
                  license:
                    distribution:
                      name: 'Gemma Terms of Use'
                  components:
                    - name: 'Model parameters (Final)'
                    - name: 'Model card'
                      license: unlicensed
                """);
        Map<ComponentId, ImportClaim> byComponent = plan.claims().stream()
                .collect(Collectors.toMap(c -> c.target().component(), c -> c));
        assertThat(byComponent.get(ComponentId.FINAL_WEIGHTS).licence()).isEqualTo("gemma-terms");
        assertThat(byComponent.get(ComponentId.FINAL_WEIGHTS).openness()).isEqualTo(Openness.PARTIAL);
        assertThat(byComponent.get(ComponentId.MODEL_CARD).licence()).isNull();
        assertThat(byComponent.get(ComponentId.MODEL_CARD).openness()).isEqualTo(Openness.PARTIAL);
    }

    @Test
    void opennessFollowsTheLedgersLicenceNotTheFilesSpellingOfIt() throws Exception {
        ImportPlan plan = plan("""
                release:
                  name: Spelled
                  repository: 'https://github.com/example/spelled'
                  license:
                    distribution:
                      name: 'Apache License 2.0'
                  components:
                    - name: 'Model architecture'
                    - name: 'Model parameters (Final)'
                      license: 'Databricks Open Model License'
                    - name: 'Research paper'
                      license: 'arXiv.org perpetual non-exclusive license 1.0'
                    - name: Datasets
                      license: 'Component not include'
                """);
        Map<ComponentId, ImportClaim> byComponent = plan.claims().stream()
                .collect(Collectors.toMap(c -> c.target().component(), c -> c));
        // the tool would not count its own spelling "Apache License 2.0" open; the ledger reads Apache-2.0
        assertThat(byComponent.get(ComponentId.MODEL_ARCHITECTURE_CODE).licence()).isEqualTo("Apache-2.0");
        assertThat(byComponent.get(ComponentId.MODEL_ARCHITECTURE_CODE).openness()).isEqualTo(Openness.OPEN);
        assertThat(byComponent.get(ComponentId.MODEL_ARCHITECTURE_CODE).rationale()).endsWith("under Apache-2.0");
        assertThat(byComponent.get(ComponentId.FINAL_WEIGHTS).licence()).isEqualTo("databricks-open-model");
        assertThat(byComponent.get(ComponentId.FINAL_WEIGHTS).openness()).isEqualTo(Openness.PARTIAL);
        assertThat(byComponent.get(ComponentId.PEER_REVIEWED_PAPER).licence()).isEqualTo("arxiv-nonexclusive-1.0");
        // a component the file says is not included is no claim at all
        assertThat(byComponent).doesNotContainKey(ComponentId.BASE_TRAINING_DATA);
        assertThat(plan.skipped()).containsExactly("Datasets: the file says it is not included");
    }

    @Test
    void aLicenceIdWrittenAsTheOriginIsNotTakenForTheFamily() throws Exception {
        ImportPlan plan = plan("""
                release:
                  name: XGen
                  version: 7B
                  origin: Apache-2.0
                  repository: 'https://github.com/example/xgen'
                  components:
                    - name: 'Model architecture'
                """);
        assertThat(plan.modelId()).isEqualTo("xgen");
        assertThat(plan.family().name()).isEqualTo("XGen");
        assertThat(plan.release().releaseId()).isEqualTo("xgen-7b");
    }

    @Test
    void anUnknownLicenceNameRefusesTheWholeFileWithItsLine() {
        assertThatThrownBy(() -> plan("""
                release:
                  name: Odd
                  huggingface: 'https://huggingface.co/odd'
                  components:
                    - name: 'Model architecture'
                      license: 'Other License'
                """)).isInstanceOf(SourceFormatException.class)
                .hasMessage("line 6: unknown licence name 'Other License': not an SPDX or catalogue id, nor a known "
                        + "spelling of one");
    }
}
