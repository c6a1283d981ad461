package org.opennessledger.assessments.frameworks;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.opennessledger.contracts.values.ComponentId;
import org.opennessledger.contracts.values.Openness;
import org.opennessledger.contracts.views.AssessedComponentView;
import org.opennessledger.contracts.views.FrameworkScoresView;

/** Every framework's score of one assessment (its accepted claim per component). */
public final class FrameworkScores {

    private FrameworkScores() {
    }

    public static FrameworkScoresView of(List<AssessedComponentView> components) {
        Map<ComponentId, Openness> assessed = new EnumMap<>(ComponentId.class);
        for (AssessedComponentView component : components) {
            ComponentId.fromId(component.component()).ifPresent(id ->
                    Openness.fromId(component.openness()).ifPresent(openness -> assessed.put(id, openness)));
        }
        OsaiIndexScore osai = OsaiIndexScorer.score(OsaiIndex.CURRENT_12, OsaiIndex.CURRENT_12.classesOf(assessed));
        Osaid.Result osaid = Osaid.evaluate(assessed);
        return new FrameworkScoresView(
                new FrameworkScoresView.OsaiIndex(osai.version(), osai.score(), osai.categories(), osai.classes()),
                new FrameworkScoresView.Osaid(osaid.version(), osaid.qualifies(), osaid.failing()));
    }
}
