package org.opennessledger.interop.osai;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opennessledger.assessments.frameworks.OsaiIndex;
import org.opennessledger.contracts.models.ImportClaim;
import org.opennessledger.contracts.models.RegisterModelFamily;
import org.opennessledger.contracts.models.RegisterRelease;
import org.opennessledger.contracts.values.ClaimTarget;
import org.opennessledger.contracts.values.ComponentId;
import org.opennessledger.contracts.values.Evidence;
import org.opennessledger.contracts.values.Openness;
import org.opennessledger.interop.ImportPlan;
import org.opennessledger.interop.SourceModelTypes;
import org.opennessledger.interop.Slugs;

/**
 * Turns one OSAI index model file into the commands that record it in the ledger: the model family
 * (named after the file's system, produced by its organisation), its end model as a release, and
 * one family-wide claim per
 * dimension the file fills in, accepted under the import policy {@value #POLICY}. The link is the
 * evidence (the system's link when the dimension has none), the notes the rationale, and a class
 * left empty means the dimension does not apply.
 */
public final class OsaiIndexImport {

    public static final String POLICY = "import:osai-index/1";

    private OsaiIndexImport() {
    }

    /**
     * @param source      where the file came from, recorded with each claim (e.g. "models/Bark.yaml")
     * @param retrievedOn the date the evidence is recorded as retrieved on
     */
    public static ImportPlan plan(OsaiIndexFile file, String source, LocalDate retrievedOn) {
        String modelId = Slugs.fromName(file.name()).orElse("");
        String producer = file.organisation() == null ? "unknown" : file.organisation();
        RegisterModelFamily family = new RegisterModelFamily(modelId, file.name(), producer,
                "Imported from the European Open Source AI Index", SourceModelTypes.read(file.type()).orElse(null));
        // The index scores the end model: it is the family's release, and the family-wide claims hold for it.
        String endModel = file.endModel() != null ? file.endModel() : file.name();
        String releaseId = Slugs.fromName(endModel).orElse(modelId);
        RegisterRelease release = new RegisterRelease(modelId, releaseId, endModel, null, null, null, List.of());
        List<ImportClaim> claims = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Map.Entry<String, OsaiIndexFile.Dimension> entry : file.dimensions().entrySet()) {
            String dimension = entry.getKey();
            OsaiIndexFile.Dimension value = entry.getValue();
            String link = httpUrl(value.link()) != null ? httpUrl(value.link()) : httpUrl(file.link());
            if (link == null) {
                skipped.add(dimension + ": no http(s) link to cite as evidence");
                continue;
            }
            ComponentId component = OsaiIndex.COMPONENTS.get(dimension);
            Openness openness = value.cls().isEmpty() ? Openness.NOT_APPLICABLE
                    : Openness.fromId(value.cls()).orElseThrow();
            String rationale = value.notes() != null ? value.notes()
                    : "The OSAI index rates " + dimension + " as " + (value.cls().isEmpty() ? "not applicable" : value.cls());
            claims.add(new ImportClaim(UUID.randomUUID().toString(), ClaimTarget.family(modelId, component), openness,
                    null, List.of(new Evidence(link, null, retrievedOn, null)), rationale, POLICY, source));
        }
        return new ImportPlan(modelId, family, release, List.copyOf(claims), List.copyOf(skipped));
    }

    public static String httpUrl(String value) {
        if (value == null) {
            return null;
        }
        try {
            URI uri = new URI(value.strip());
            String scheme = uri.getScheme();
            return scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    && uri.getHost() != null ? uri.toString() : null;
        } catch (Exception e) {
            return null;
        }
    }
}
