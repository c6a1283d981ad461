package org.opennessledger.contracts.views;

import java.util.List;

public record AssessmentDiffView(int fromVersion, int toVersion, List<ComponentChangeView> changes) {

    /** {@code kind} is "added", "changed" or "removed"; before/after are null where absent. */
    public record ComponentChangeView(String component, String kind, AssessedComponentView before,
                                      AssessedComponentView after) {
    }
}
