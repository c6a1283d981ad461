package org.opennessledger.assessments.frameworks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opennessledger.contracts.values.ComponentId;
import org.opennessledger.contracts.values.Openness;

class OsaidTest {

    /** Everything the definition asks for, open. */
    private static Map<ComponentId, Openness> fullyOpen() {
        Map<ComponentId, Openness> assessed = new EnumMap<>(ComponentId.class);
        for (Osaid.Element element : Osaid.Element.values()) {
            element.components().forEach(c -> assessed.put(c, Openness.OPEN));
        }
        assessed.put(ComponentId.TECHNICAL_REPORT, Openness.OPEN);
        return assessed;
    }

    @Test
    void aSystemWithOpenDataInformationCodeAndParametersQualifies() {
        Osaid.Result result = Osaid.evaluate(fullyOpen());
        assertThat(result.qualifies()).isTrue();
        assertThat(result.failing()).isEmpty();
        assertThat(result.version()).isEqualTo("osaid-1.0");
    }

    @Test
    void openWeightsWithClosedTrainingCodeAndNoDataCardFailCodeAndDataInformation() {
        Map<ComponentId, Openness> assessed = fullyOpen();
        assessed.put(ComponentId.TRAINING_CODE, Openness.CLOSED);
        assessed.put(ComponentId.EVALUATION_CODE, Openness.PARTIAL);
        assessed.remove(ComponentId.DATA_CARD);

        Osaid.Result result = Osaid.evaluate(assessed);
        assertThat(result.qualifies()).isFalse();
        assertThat(result.failing()).containsExactly(
                Map.entry("data-information", List.of("data-card")),
                Map.entry("code", List.of("training-code", "evaluation-code")));
    }

    @Test
    void aPaperOrPreprintStandsInForTheTechnicalReportAndNotApplicableComponentsAreMet() {
        Map<ComponentId, Openness> assessed = fullyOpen();
        assessed.remove(ComponentId.TECHNICAL_REPORT);
        assessed.put(ComponentId.PREPRINT, Openness.OPEN);
        assessed.put(ComponentId.DATA_PREPROCESSING_CODE, Openness.NOT_APPLICABLE);
        assertThat(Osaid.evaluate(assessed).qualifies()).isTrue();

        assessed.put(ComponentId.PREPRINT, Openness.PARTIAL);
        assertThat(Osaid.evaluate(assessed).failing())
                .containsExactly(Map.entry("data-information", List.of("technical-report|peer-reviewed-paper|preprint")));
    }

    @Test
    void closedWeightsFailParameters() {
        Map<ComponentId, Openness> assessed = fullyOpen();
        assessed.put(ComponentId.FINAL_WEIGHTS, Openness.CLOSED);
        assertThat(Osaid.evaluate(assessed).failing()).containsOnlyKeys("parameters");
    }
}
