package org.opennessledger.assessments.frameworks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.opennessledger.contracts.values.ComponentId;
import org.opennessledger.contracts.views.FrameworkView;

/** Describes the frameworks the ledger scores under, from the same definitions the scorers use. */
public final class Frameworks {

    private Frameworks() {
    }

    public static List<FrameworkView> all() {
        List<FrameworkView.Criterion> osai = new ArrayList<>();
        for (Map.Entry<String, List<String>> category : OsaiIndex.CURRENT_12.categories().entrySet()) {
            for (String dimension : category.getValue()) {
                osai.add(new FrameworkView.Criterion(dimension, category.getKey(),
                        List.of(OsaiIndex.COMPONENTS.get(dimension).id())));
            }
        }
        List<FrameworkView.Criterion> osaid = new ArrayList<>();
        for (Osaid.Element element : Osaid.Element.values()) {
            for (ComponentId component : element.components()) {
                osaid.add(new FrameworkView.Criterion(component.id(), element.id(), List.of(component.id())));
            }
        }
        osaid.add(new FrameworkView.Criterion("training-write-up", Osaid.Element.DATA_INFORMATION.id(),
                Osaid.TRAINING_WRITE_UPS.stream().map(ComponentId::id).toList()));
        List<FrameworkView.Criterion> mof = new ArrayList<>();
        for (Mof.Component component : Mof.Component.values()) {
            mof.add(new FrameworkView.Criterion(component.motName(), "class-" + component.mofClass()
                    + (component.required() ? "" : "-optional"), List.of(component.component().id())));
        }
        return List.of(
                new FrameworkView("osai-index", OsaiIndex.CURRENT_12.version(), "European Open Source AI Index",
                        List.copyOf(osai)),
                new FrameworkView("osaid", Osaid.VERSION, "OSI Open Source AI Definition 1.0", List.copyOf(osaid)),
                new FrameworkView("mof", Mof.VERSION, "Model Openness Framework 1.0", List.copyOf(mof)));
    }
}
