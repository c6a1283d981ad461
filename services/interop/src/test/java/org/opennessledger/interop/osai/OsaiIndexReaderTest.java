package org.opennessledger.interop.osai;

import org.opennessledger.interop.SourceFormatException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.opennessledger.assessments.frameworks.OsaiIndex;
import org.opennessledger.assessments.frameworks.OsaiIndexScorer;
import org.opennessledger.interop.Datasets;

class OsaiIndexReaderTest {

    private static List<Path> modelFiles() throws IOException {
        try (Stream<Path> files = Files.list(Datasets.dir().resolve("osai-index").resolve("models"))) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    /**
     * A second, independent reading of a file's classes with nothing but line patterns (a dimension
     * key at column 0, then its indented "class:" line), to cross-check the reader and the scorer.
     */
    private static Map<String, String> classesByLines(String yaml) {
        Map<String, String> classes = new HashMap<>();
        String dimension = null;
        for (String line : yaml.split("\\R")) {
            Matcher key = Pattern.compile("^([a-z_]+):\\s*$").matcher(line);
            Matcher cls = Pattern.compile("^\\s+class:\\s*([A-Za-z]*)\\s*$").matcher(line);
            if (key.matches()) {
                dimension = key.group(1);
            } else if (cls.matches() && dimension != null) {
                classes.put(dimension, cls.group(1).toLowerCase());
            }
        }
        return classes;
    }

    @Test
    void everyModelFileOfTheIndexIsReadAndScoredAsTheIndexScoresIt() throws Exception {
        List<Path> files = modelFiles();
        assertThat(files).hasSizeGreaterThanOrEqualTo(40);
        for (Path file : files) {
            String yaml = Files.readString(file);
            OsaiIndexFile model = OsaiIndexReader.read(yaml);
            assertThat(model.name()).as(file.getFileName().toString()).isNotBlank();
            assertThat(model.dimensionList()).as(file.getFileName().toString()).isEqualTo(OsaiIndex.CURRENT_12);

            Map<String, String> expected = classesByLines(yaml);
            double points = 0;
            for (String dimension : OsaiIndex.CURRENT_12.dimensions()) {
                String cls = expected.getOrDefault(dimension, "");
                points += cls.equals("open") ? 1 : cls.equals("partial") ? 0.5 : 0;
            }
            assertThat(OsaiIndexScorer.score(OsaiIndex.CURRENT_12, model.classes()).score())
                    .as(file.getFileName().toString()).isCloseTo(points / 12, within(1e-12));
        }
    }

    @Test
    void barkIsReadWithItsHeaderOrganisationAndEvidence() throws Exception {
        OsaiIndexFile bark = OsaiIndexReader.read(
                Files.readString(Datasets.dir().resolve("osai-index/models/Bark.yaml")));
        assertThat(bark.header()).isEqualTo("system");
        assertThat(bark.name()).isEqualTo("Bark");
        assertThat(bark.organisation()).isEqualTo("Suno");
        assertThat(bark.dimensions()).hasSize(12);
        assertThat(bark.dimensions().get("weights_basemodel").link()).isEqualTo("https://huggingface.co/suno/bark");
        assertThat(bark.dimensions().get("licenses").cls()).isEqualTo("partial");
        assertThat(bark.unknownKeys()).isEmpty();
    }

    @Test
    void aFileOfTheFourteenDimensionLayoutIsReadAsTheLegacyList() throws Exception {
        String yaml = """
                system:
                    name: Example
                org:
                    name: Example Lab
                trainingcode:
                    class: open
                package:
                    class: partial
                api:
                    class:
                licenses:
                    class: closed
                """;
        OsaiIndexFile model = OsaiIndexReader.read(yaml);
        assertThat(model.dimensionList()).isEqualTo(OsaiIndex.LEGACY_14);
        assertThat(model.classes()).containsEntry("package", "partial").containsEntry("api", "");
        assertThat(OsaiIndexScorer.score(model.dimensionList(), model.classes()).score())
                .isCloseTo(1.5 / 14, within(1e-12));
    }

    @Test
    void theFirstLayoutWithItsProjectHeaderAndOldKeysIsReadIntoTodaysDimensions() throws Exception {
        OsaiIndexFile model = OsaiIndexReader.read("""
                project:
                    name: Old Chat
                org:
                    name: Old Lab
                opencode:
                    class: open
                llmweights:
                    class: partial
                rlweights:
                    class: closed
                architecture:
                    class: open
                package:
                    class: closed
                api:
                    class: open
                watermarking:
                    class: open
                """);
        assertThat(model.header()).isEqualTo("project");
        assertThat(model.dimensionList()).isEqualTo(OsaiIndex.LEGACY_14);
        assertThat(model.classes()).containsEntry("trainingcode", "open").containsEntry("weights_basemodel", "partial")
                .containsEntry("weights_endmodel", "closed").containsEntry("hardware_architecture", "open")
                .containsEntry("api", "open");
        assertThat(model.unknownKeys()).containsExactly("watermarking");
    }

    @Test
    void badFilesAreRefusedWithTheLineAndTheReason() {
        assertThatThrownBy(() -> OsaiIndexReader.read("system:\n    name: [unclosed\n"))
                .isInstanceOf(SourceFormatException.class).hasMessageContaining("not valid YAML")
                .satisfies(e -> assertThat(((SourceFormatException) e).line()).isPositive());
        assertThatThrownBy(() -> OsaiIndexReader.read("org:\n    name: Lab\n"))
                .isInstanceOf(SourceFormatException.class).hasMessageContaining("no header");
        assertThatThrownBy(() -> OsaiIndexReader.read("system:\n    name: X\n\npaper:\n    class: mostly\n"))
                .isInstanceOf(SourceFormatException.class).hasMessage("line 4: paper.class is 'mostly'; the index "
                        + "knows open, partial and closed (or empty)");
        assertThatThrownBy(() -> OsaiIndexReader.read("system:\n    link: x\n"))
                .isInstanceOf(SourceFormatException.class).hasMessageContaining("system.name is required");
    }
}
