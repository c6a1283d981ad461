package org.opennessledger.interop.osai;

import java.util.LinkedHashMap;
import java.util.Map;
import org.opennessledger.assessments.frameworks.OsaiIndex;
import org.opennessledger.contracts.values.Openness;
import org.opennessledger.contracts.views.AssessedComponentView;
import org.opennessledger.contracts.views.ClaimView;
import org.opennessledger.contracts.views.ModelView;
import org.opennessledger.contracts.views.ReleaseView;

/**
 * A release's current assessment in the OSAI index's layout: each dimension takes its component's
 * accepted claim (openness as class, first evidence link, rationale as notes); a not-applicable
 * claim is an empty class, and a dimension without an accepted claim is left out.
 */
public final class OsaiIndexExport {

    private OsaiIndexExport() {
    }

    /** @param claims the accepted claims of the release's components, by claim id */
    public static OsaiIndexFile of(ModelView model, ReleaseView release, Map<String, ClaimView> claims) {
        Map<String, OsaiIndexFile.Dimension> dimensions = new LinkedHashMap<>();
        for (String dimension : OsaiIndex.CURRENT_12.dimensions()) {
            String component = OsaiIndex.COMPONENTS.get(dimension).id();
            release.components().stream().filter(c -> c.component().equals(component)).findFirst()
                    .map(AssessedComponentView::claimId).map(claims::get)
                    .ifPresent(claim -> dimensions.put(dimension, new OsaiIndexFile.Dimension(
                            Openness.NOT_APPLICABLE.id().equals(claim.openness()) ? "" : claim.openness(),
                            claim.evidence().isEmpty() ? null : claim.evidence().get(0).url(), claim.rationale())));
        }
        String link = release.links() == null || release.links().isEmpty() ? null : release.links().get(0);
        return new OsaiIndexFile("system", model.name(), link, model.producer(), release.name(), OsaiIndex.CURRENT_12,
                java.util.Collections.unmodifiableMap(dimensions), java.util.List.of(), model.modelType());
    }
}
