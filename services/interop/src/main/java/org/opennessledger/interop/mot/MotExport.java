package org.opennessledger.interop.mot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opennessledger.assessments.frameworks.Mof;
import org.opennessledger.contracts.values.ComponentId;
import org.opennessledger.contracts.values.Openness;
import org.opennessledger.contracts.views.AssessedComponentView;
import org.opennessledger.contracts.views.ClaimView;
import org.opennessledger.contracts.views.ModelView;
import org.opennessledger.contracts.views.ReleaseView;
import org.opennessledger.interop.SourceModelTypes;

/**
 * A release's current assessment as a Model Openness Tool release file. A component is listed when
 * its accepted claim says it is released (open or partial), with the claim's licence as the
 * component's own licence ("" when it has none, which the tool reads as unlicensed); closed and
 * not-applicable components, and those MOF does not know, are left out. The family becomes the
 * release's origin, so that {@link MotImport} files the release under the same family again. The
 * release's first two links become its repository and Hugging Face links, in their order.
 */
public final class MotExport {

    private static final String HUGGING_FACE = "https://huggingface.co/";

    private MotExport() {
    }

    /** @param claims the accepted claims of the release's components, by claim id */
    public static MotFile of(ModelView model, ReleaseView release, Map<String, ClaimView> claims) {
        List<MotFile.ReleasedComponent> components = new ArrayList<>();
        for (AssessedComponentView assessed : release.components()) {
            Optional<Mof.Component> component = ComponentId.fromId(assessed.component())
                    .flatMap(Mof.Component::byLedgerComponent);
            ClaimView claim = claims.get(assessed.claimId());
            if (component.isEmpty() || claim == null || !released(claim.openness())) {
                continue;
            }
            components.add(new MotFile.ReleasedComponent(component.get(),
                    claim.licence() == null ? "" : claim.licence()));
        }
        // The importer names a release "<name> <version>": give the two parts back when they are there.
        String name = release.name();
        String version = release.version();
        if (version != null && name.endsWith(" " + version) && name.length() > version.length() + 1) {
            name = name.substring(0, name.length() - version.length() - 1);
        } else {
            version = null;
        }
        // The importer reads repository then huggingface, and cites the first: keep the order of the links.
        List<String> links = release.links() == null ? List.of() : release.links();
        String repository = null;
        String huggingFace = null;
        if (links.size() == 1 && links.get(0).startsWith(HUGGING_FACE)) {
            huggingFace = links.get(0);
        } else if (!links.isEmpty()) {
            repository = links.get(0);
            huggingFace = links.size() > 1 ? links.get(1) : null;
        }
        return new MotFile(name, version, model.producer(),
                release.releaseDate() == null ? null : release.releaseDate().toString(), model.name(),
                repository, huggingFace, null, Map.of(), List.copyOf(components), List.of(), SourceModelTypes.motWord(model.modelType()));
    }

    private static boolean released(String openness) {
        return Openness.OPEN.id().equals(openness) || Openness.PARTIAL.id().equals(openness);
    }
}
