package org.opennessledger.interop.mot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opennessledger.assessments.frameworks.Mof;
import org.opennessledger.assessments.frameworks.MofScorer;
import org.opennessledger.interop.Datasets;

class MotEvaluationTest {

    private static List<String[]> expected() throws Exception {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                MotEvaluationTest.class.getResourceAsStream("mot-expected.tsv"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    rows.add(line.split("\t"));
                }
            }
        }
        return rows;
    }

    private static MofScorer.Result evaluate(String file) throws Exception {
        return MotEvaluation.of(MotReader.read(Files.readString(Datasets.dir().resolve("mot/models").resolve(file))));
    }

    @Test
    void everyReleaseFileGetsTheClassAndPercentagesTheToolGivesIt() throws Exception {
        List<String[]> rows = expected();
        assertThat(rows).hasSize(62);
        for (String[] row : rows) {
            MofScorer.Result result = evaluate(row[0]);
            assertThat(result.classReached()).as(row[0] + " class").isEqualTo(Integer.parseInt(row[1]));
            assertThat(result.percent().get(3)).as(row[0] + " class III").isCloseTo(Double.parseDouble(row[2]), within(0.006));
            assertThat(result.percent().get(2)).as(row[0] + " class II").isCloseTo(Double.parseDouble(row[3]), within(0.006));
            assertThat(result.percent().get(1)).as(row[0] + " class I").isCloseTo(Double.parseDouble(row[4]), within(0.006));
        }
    }

    @Test
    void amberReachesClassOneWithWarningsForLicencesNotMeantForData() throws Exception {
        MofScorer.Result amber = evaluate("Amber.yml");
        assertThat(amber.classReached()).isEqualTo(1);
        assertThat(amber.percent()).containsExactly(Map.entry(3, 100.0), Map.entry(2, 100.0), Map.entry(1, 100.0));
        assertThat(amber.missing()).isEmpty();
        assertThat(amber.invalid()).isEmpty();
        // Apache-2.0 on weights and evaluation data, MIT on the datasets: open, but not data licences
        assertThat(amber.notTypeAppropriate()).contains(Mof.Component.FINAL_PARAMETERS, Mof.Component.DATASETS);
    }

    @Test
    void theResearchPaperStandsInForTheReportButAClassBelowAnIncompleteOneIsZero() throws Exception {
        MofScorer.Result neox = evaluate("GPT-NeoX-20B.yml");
        assertThat(neox.classReached()).isEqualTo(3);
        assertThat(neox.percent().get(3)).isEqualTo(100.0);
        assertThat(neox.percent().get(2)).isCloseTo(90.0, within(1e-9));
        assertThat(neox.percent().get(1)).isZero();
        assertThat(neox.missing()).doesNotContain(Mof.Component.TECHNICAL_REPORT).contains(Mof.Component.EVALUATION_DATA);
    }

    @Test
    void aComponentMarkedUnlicensedDoesNotFallBackToTheReleaseLicence() throws Exception {
        MofScorer.Result crystal = evaluate("CrystalChat.yml");
        assertThat(crystal.classReached()).isZero();
        assertThat(crystal.percent().get(3)).isCloseTo(500.0 / 6, within(1e-9));
        assertThat(crystal.unlicensed()).contains(Mof.Component.TECHNICAL_REPORT);
        assertThat(crystal.invalid()).contains(Mof.Component.RESEARCH_PAPER);
    }
}
