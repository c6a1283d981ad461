package org.opennessledger.interop.json;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.opennessledger.contracts.values.Evidence;
import org.opennessledger.contracts.views.AssessedComponentView;
import org.opennessledger.contracts.views.ClaimView;
import org.opennessledger.contracts.views.FrameworkScoresView;
import org.opennessledger.contracts.views.ModelView;
import org.opennessledger.contracts.views.ReleaseView;

/**
 * A model family as the JSON export gives it: every release with its current assessment (version,
 * framework scores) and, per component, the accepted claim in full — openness, licence, status with
 * its policy version, author, evidence, rationale. Self-describing ({@link #FORMAT}) and free of
 * anything hidden, so it can be published as it is.
 */
public record ModelDocument(String format, String modelId, String name, String producer, String description,
                            List<Release> releases) {

    public static final String FORMAT = "openness-ledger/model@1";

    public record Release(String releaseId, String name, String version, LocalDate releaseDate, String baseModel,
                          List<String> links, int assessmentVersion, FrameworkScoresView scores,
                          List<Component> components) {
    }

    /** {@code claim} is null only if the claim could not be read (it is then still named by its id). */
    public record Component(String component, String scope, String openness, String licence, String claimId,
                            Claim claim) {
    }

    public record Claim(String status, boolean locked, String policyVersion, Instant statusSince, String authorId,
                        Instant proposedAt, String rationale, List<Evidence> evidence, int agreeCount,
                        int disagreeCount) {
    }

    /** @param claims the accepted claims of the family's releases, by claim id */
    public static ModelDocument of(ModelView model, Map<String, ClaimView> claims) {
        List<Release> releases = model.releases().stream().map(release -> release(release, claims)).toList();
        return new ModelDocument(FORMAT, model.modelId(), model.name(), model.producer(), model.description(),
                releases);
    }

    private static Release release(ReleaseView release, Map<String, ClaimView> claims) {
        List<Component> components = release.components().stream().map(c -> component(c, claims.get(c.claimId())))
                .toList();
        return new Release(release.releaseId(), release.name(), release.version(), release.releaseDate(),
                release.baseModel(), release.links(), release.assessmentVersion(), release.scores(), components);
    }

    private static Component component(AssessedComponentView assessed, ClaimView claim) {
        Claim full = claim == null ? null : new Claim(claim.status(), claim.locked(), claim.policyVersion(),
                claim.statusSince(), claim.authorId(), claim.proposedAt(), claim.rationale(), claim.evidence(),
                claim.agreeCount(), claim.disagreeCount());
        return new Component(assessed.component(), assessed.scope(), assessed.openness(), assessed.licence(),
                assessed.claimId(), full);
    }
}
