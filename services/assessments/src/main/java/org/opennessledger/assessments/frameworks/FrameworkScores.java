package org.opennessledger.assessments.frameworks;

import java.util.EnumMap;
import java.util.LinkedHashMap;
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
                new FrameworkScoresView.Osaid(osaid.version(), osaid.qualifies(), osaid.failing()),
                mof(components));
    }

    /**
     * MOF reads a component as released when its accepted claim says open or partial, with the
     * claim's licence (none: unlicensed); closed, not applicable or unassessed components are missing.
     */
    private static FrameworkScoresView.Mof mof(List<AssessedComponentView> components) {
        Map<Mof.Component, String> resolved = new EnumMap<>(Mof.Component.class);
        for (Mof.Component component : Mof.Component.values()) {
            components.stream().filter(c -> c.component().equals(component.component().id()))
                    .filter(c -> "open".equals(c.openness()) || "partial".equals(c.openness()))
                    .findFirst()
                    .ifPresent(c -> resolved.put(component, c.licence() == null ? MofScorer.UNLICENSED : c.licence()));
        }
        MofScorer.Result result = MofScorer.evaluate(resolved, EXPRESSIONS);
        Map<String, Double> percent = new LinkedHashMap<>();
        result.percent().forEach((mofClass, value) -> percent.put(String.valueOf(mofClass), value));
        return new FrameworkScoresView.Mof(result.version(), result.classReached(), percent, ids(result.missing()),
                ids(result.invalid()), ids(result.unlicensed()), ids(result.notTypeAppropriate()));
    }

    private static final MofLicences MOF_LICENCES = new MofLicences();

    /** The ledger's licences are SPDX expressions (catalogue ids included), judged as a whole. */
    private static final MofScorer.Licences EXPRESSIONS = new MofScorer.Licences() {
        @Override
        public boolean open(String licence) {
            return MOF_LICENCES.openExpression(licence);
        }

        @Override
        public boolean typeAppropriate(String licence, Mof.ContentType type) {
            return MOF_LICENCES.typeAppropriateExpression(licence, type);
        }
    };

    private static List<String> ids(List<Mof.Component> components) {
        return components.stream().map(c -> c.component().id()).toList();
    }
}
