package org.opennessledger.assessments.frameworks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opennessledger.contracts.views.AssessedComponentView;
import org.opennessledger.contracts.views.FrameworkScoresView;

class FrameworkScoresMofTest {

    /** Every required MOF component, open under {@code licence} (the optional ones left out). */
    private static List<AssessedComponentView> allRequired(String licence) {
        List<AssessedComponentView> components = new ArrayList<>();
        for (Mof.Component component : Mof.Component.values()) {
            if (component.required()) {
                components.add(new AssessedComponentView(component.component().id(), "c-" + component.ordinal(),
                        "open", licence, "release"));
            }
        }
        return components;
    }

    private static List<AssessedComponentView> replace(List<AssessedComponentView> components, Mof.Component which,
                                                       String openness, String licence) {
        List<AssessedComponentView> changed = new ArrayList<>(components);
        changed.removeIf(c -> c.component().equals(which.component().id()));
        if (openness != null) {
            changed.add(new AssessedComponentView(which.component().id(), "x", openness, licence, "release"));
        }
        return changed;
    }

    @Test
    void everythingOpenUnderAnOsiLicenceIsClassOneWithWarningsForDataComponents() {
        FrameworkScoresView.Mof mof = FrameworkScores.of(allRequired("Apache-2.0")).mof();
        assertThat(mof.version()).isEqualTo("mof-1.0");
        assertThat(mof.classReached()).isEqualTo(1);
        assertThat(mof.percent()).containsEntry("3", 100.0).containsEntry("2", 100.0).containsEntry("1", 100.0);
        assertThat(mof.notTypeAppropriate()).contains("final-weights", "base-training-data");
    }

    @Test
    void weightsUnderACommunityLicenceAreInvalidAndStopClassThree() {
        List<AssessedComponentView> components = replace(allRequired("Apache-2.0"), Mof.Component.FINAL_PARAMETERS,
                "partial", "llama3.1-community");
        FrameworkScoresView.Mof mof = FrameworkScores.of(components).mof();
        assertThat(mof.classReached()).isZero();
        assertThat(mof.percent().get("3")).isCloseTo(500.0 / 6, within(1e-9));
        assertThat(mof.percent().get("2")).isZero();
        assertThat(mof.invalid()).containsExactly("final-weights");
    }

    @Test
    void closedOrMissingComponentsAreMissingAndNoLicenceIsUnlicensed() {
        List<AssessedComponentView> components = replace(allRequired("MIT OR Apache-2.0"), Mof.Component.MODEL_CARD,
                "closed", null);
        components = replace(components, Mof.Component.DATA_CARD, "open", null);
        FrameworkScoresView.Mof mof = FrameworkScores.of(components).mof();
        assertThat(mof.missing()).contains("model-card");
        assertThat(mof.unlicensed()).containsExactly("data-card");
        assertThat(mof.percent().get("3")).isCloseTo(400.0 / 6, within(1e-9));
    }

    @Test
    void anOpenResearchPaperStandsInForAMissingTechnicalReport() {
        List<AssessedComponentView> components = replace(allRequired("Apache-2.0"), Mof.Component.TECHNICAL_REPORT,
                null, null);
        FrameworkScoresView.Mof mof = FrameworkScores.of(components).mof();
        assertThat(mof.classReached()).isEqualTo(1);
        assertThat(mof.missing()).isEmpty();
    }
}
