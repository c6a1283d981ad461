package org.opennessledger.interop.mot;

import java.util.EnumMap;
import java.util.Map;
import org.opennessledger.assessments.frameworks.Mof;
import org.opennessledger.assessments.frameworks.MofLicences;
import org.opennessledger.assessments.frameworks.MofScorer;

/** A Model Openness Tool release file evaluated under MOF 1.0, licences resolved as the tool resolves them. */
public final class MotEvaluation {

    private static final MofLicences LICENCES = new MofLicences();

    private MotEvaluation() {
    }

    public static MofScorer.Result of(MotFile release) {
        return MofScorer.evaluate(resolve(release), LICENCES);
    }

    /**
     * Each listed component's licence: its own when the file gives the key (empty or "unlicensed" mean
     * none, and stop there); else the release's licence for the component's content type; else the
     * distribution licence; else none ("unlicensed").
     */
    static Map<Mof.Component, String> resolve(MotFile release) {
        Map<Mof.Component, String> resolved = new EnumMap<>(Mof.Component.class);
        for (MotFile.ReleasedComponent listed : release.components()) {
            String licence = listed.licence();
            if (licence != null) {
                resolved.put(listed.component(), licence.isEmpty() ? MofScorer.UNLICENSED : licence);
                continue;
            }
            String global = release.globalLicences().get(listed.component().contentType());
            if (global != null) {
                resolved.put(listed.component(), global);
            } else if (release.distributionLicence() != null) {
                resolved.put(listed.component(), release.distributionLicence());
            } else {
                resolved.put(listed.component(), MofScorer.UNLICENSED);
            }
        }
        return resolved;
    }
}
