package org.opennessledger.interop.mot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.opennessledger.assessments.frameworks.Mof;
import org.opennessledger.interop.Datasets;
import org.opennessledger.interop.SourceFormatException;

class MotReaderTest {

    @Test
    void everyReleaseFileOfTheToolIsReadWithOnlyMofComponents() throws Exception {
        List<Path> files;
        try (Stream<Path> all = Files.list(Datasets.dir().resolve("mot/models"))) {
            files = all.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(50);
        for (Path file : files) {
            MotFile release = MotReader.read(Files.readString(file));
            assertThat(release.name()).as(file.toString()).isNotBlank();
            assertThat(release.components()).as(file.toString()).isNotEmpty();
            assertThat(release.unknownComponents()).as(file.toString()).isEmpty();
        }
    }

    @Test
    void amberHasItsDistributionLicenceAndAComponentLicence() throws Exception {
        MotFile amber = MotReader.read(Files.readString(Datasets.dir().resolve("mot/models/Amber.yml")));
        assertThat(amber.name()).isEqualTo("Amber");
        assertThat(amber.version()).isEqualTo("7B");
        assertThat(amber.producer()).isEqualTo("LLM360");
        assertThat(amber.distributionLicence()).isEqualTo("Apache-2.0");
        assertThat(amber.components()).contains(new MotFile.ReleasedComponent(Mof.Component.DATASETS, "MIT"));
        assertThat(amber.components()).contains(new MotFile.ReleasedComponent(Mof.Component.MODEL_ARCHITECTURE, null));
    }

    @Test
    void aFileWithoutARelease_or_notYaml_isRefused() {
        assertThatThrownBy(() -> MotReader.read("framework:\n  name: x\n")).isInstanceOf(SourceFormatException.class)
                .hasMessageContaining("no release");
        assertThatThrownBy(() -> MotReader.read("release: [\n")).isInstanceOf(SourceFormatException.class)
                .hasMessageContaining("not valid YAML");
    }

    @Test
    void theMofDefinitionHasSeventeenComponentsInCumulativeClasses() {
        assertThat(Mof.Component.values()).hasSize(17);
        assertThat(Mof.componentsOfClass(3)).hasSize(7);
        assertThat(Mof.componentsOfClass(2)).hasSize(12);
        assertThat(Mof.componentsOfClass(1)).hasSize(17);
    }
}
