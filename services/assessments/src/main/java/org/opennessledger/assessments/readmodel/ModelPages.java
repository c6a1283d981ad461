package org.opennessledger.assessments.readmodel;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.opennessledger.assessments.frameworks.FrameworkScores;
import org.opennessledger.contracts.models.ModelFamilyRegistered;
import org.opennessledger.contracts.models.ModelProtected;
import org.opennessledger.contracts.models.ModelProtectionLifted;
import org.opennessledger.contracts.models.ReleaseRegistered;
import org.opennessledger.contracts.values.ComponentId;
import org.opennessledger.contracts.views.AssessedComponentView;
import org.opennessledger.contracts.views.ClaimSummaryView;
import org.opennessledger.contracts.views.ClaimView;
import org.opennessledger.contracts.views.MatrixView;
import org.opennessledger.contracts.views.ModelSummaryView;
import org.opennessledger.contracts.views.ModelView;
import org.opennessledger.contracts.views.ProtectionView;
import org.opennessledger.contracts.views.ReleaseView;

/**
 * The model pages: one document per family ({@code _id} = model id) with its releases (each with
 * its current assessment, copied from the assessment heads) and a summary of every claim on it
 * (copied from the claim pages). Both copies are re-derived from their source after each change,
 * so applying them twice changes nothing and needs no event guard.
 */
public final class ModelPages {

    private final MongoCollection<Document> collection;
    private final AssessmentVersions assessmentVersions;

    ModelPages(MongoCollection<Document> collection, AssessmentVersions assessmentVersions) {
        this.collection = collection;
        this.assessmentVersions = assessmentVersions;
    }

    public void registered(ModelFamilyRegistered event, EventContext context) {
        DocumentUpdates.update(collection, event.modelId(), () -> new Document("name", event.name())
                .append("producer", event.producer())
                .append("description", event.description())
                .append("registeredBy", event.registeredBy())
                .append("registeredAt", Docs.date(context.timestamp()))
                .append("releases", List.of())
                .append("claims", List.of()), null, page -> { });
    }

    /** Adds the release (once) with its current assessment; false when the family is unknown. */
    public boolean releaseRegistered(ReleaseRegistered event, EventContext context) {
        return DocumentUpdates.update(collection, event.modelId(), null, null, page -> {
            List<Document> releases = Docs.documents(page, "releases");
            if (releases.stream().noneMatch(r -> event.releaseId().equals(r.getString("releaseId")))) {
                releases.add(new Document("releaseId", event.releaseId())
                        .append("name", event.name())
                        .append("version", event.version())
                        .append("releaseDate", Docs.isoDate(event.releaseDate()))
                        .append("baseModel", event.baseModel())
                        .append("links", event.links())
                        .append("registeredBy", event.registeredBy())
                        .append("registeredAt", Docs.date(context.timestamp()))
                        .append("assessmentVersion", 0)
                        .append("components", List.of()));
                page.put("releases", releases);
            }
        }).isPresent();
    }

    public void protectedBy(ModelProtected event, EventContext context) {
        DocumentUpdates.update(collection, event.modelId(), null, context.eventId(), page -> page.put("protection",
                new Document("minimumAcceptedClaims", event.minimumAcceptedClaims())
                        .append("since", Docs.date(context.timestamp()))
                        .append("by", event.moderatorId())
                        .append("reason", event.reason())));
    }

    public void protectionLifted(ModelProtectionLifted event, EventContext context) {
        DocumentUpdates.update(collection, event.modelId(), null, context.eventId(), page -> page.put("protection", null));
    }

    /** Copies every release's assessment head into the page. */
    public void refreshAssessments(String modelId) {
        DocumentUpdates.update(collection, modelId, null, null, page -> {
            List<Document> releases = new ArrayList<>();
            for (Document release : Docs.documents(page, "releases")) {
                AssessmentVersions.Head head = assessmentVersions.head(modelId, release.getString("releaseId"));
                releases.add(new Document(release)
                        .append("assessmentVersion", head.version())
                        .append("components", head.components().stream()
                                .map(AssessmentVersions::componentDocument).toList()));
            }
            page.put("releases", releases);
        });
    }

    /** Copies the claim's current summary into the page of the family it is about. */
    public void refreshClaim(ClaimView claim) {
        Document summary = new Document("claimId", claim.claimId())
                .append("releaseId", claim.releaseId())
                .append("component", claim.component())
                .append("openness", claim.openness())
                .append("licence", claim.licence())
                .append("status", claim.status())
                .append("locked", claim.locked())
                .append("authorId", claim.authorId())
                .append("proposedAt", Docs.date(claim.proposedAt()))
                .append("agreeCount", claim.agreeCount())
                .append("disagreeCount", claim.disagreeCount())
                .append("openDisputeId", claim.openDisputeId())
                .append("hidden", claim.hidden() != null);
        DocumentUpdates.update(collection, claim.modelId(), null, null, page -> {
            List<Document> claims = Docs.documents(page, "claims");
            int index = indexOf(claims, claim.claimId());
            if (index < 0) {
                claims.add(summary);
            } else {
                claims.set(index, summary);
            }
            page.put("claims", claims);
        });
    }

    public Optional<ModelView> find(String modelId) {
        return find(modelId, true);
    }

    /** The model page; without {@code includeHidden}, claims a moderator hid are left out. */
    public Optional<ModelView> find(String modelId, boolean includeHidden) {
        if (modelId == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(collection.find(eq(DocumentUpdates.ID, modelId)).first()).map(ModelPages::toView)
                .map(model -> includeHidden ? model : withoutHiddenClaims(model));
    }

    private static ModelView withoutHiddenClaims(ModelView model) {
        return new ModelView(model.modelId(), model.name(), model.producer(), model.description(),
                model.registeredBy(), model.registeredAt(), model.releases(),
                model.claims().stream().filter(c -> !c.hidden()).toList(), model.protection());
    }

    public List<ModelSummaryView> list() {
        List<ModelSummaryView> models = new ArrayList<>();
        collection.find().forEach(page -> models.add(new ModelSummaryView(page.getString(DocumentUpdates.ID),
                page.getString("name"), page.getString("producer"), Docs.documents(page, "releases").size(),
                Docs.documents(page, "claims").size(), Docs.instant(page, "registeredAt"))));
        models.sort(Comparator.comparing(ModelSummaryView::name, Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER))
                .thenComparing(ModelSummaryView::modelId));
        return models;
    }

    /** Scans every model page: one row per release, ordered by model name then release registration. */
    public MatrixView matrix() {
        List<ModelView> models = new ArrayList<>();
        collection.find().forEach(page -> models.add(toView(page)));
        models.sort(Comparator.comparing(ModelView::name, Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER))
                .thenComparing(ModelView::modelId));
        List<MatrixView.Row> rows = new ArrayList<>();
        for (ModelView model : models) {
            for (ReleaseView release : model.releases()) {
                Map<String, AssessedComponentView> cells = new LinkedHashMap<>();
                release.components().forEach(c -> cells.put(c.component(), c));
                rows.add(new MatrixView.Row(model.modelId(), model.name(), release.releaseId(), release.name(),
                        release.assessmentVersion(), cells, release.scores()));
            }
        }
        return new MatrixView(Arrays.stream(ComponentId.values()).map(ComponentId::id).toList(), rows);
    }

    private static int indexOf(List<Document> claims, String claimId) {
        for (int i = 0; i < claims.size(); i++) {
            if (claimId.equals(claims.get(i).getString("claimId"))) {
                return i;
            }
        }
        return -1;
    }

    private static ModelView toView(Document page) {
        String modelId = page.getString(DocumentUpdates.ID);
        // A disputed claim stays in the assessment, flagged: its open dispute comes from the claim summary.
        Map<String, String> openDisputes = new HashMap<>();
        Docs.documents(page, "claims").stream().filter(c -> c.getString("openDisputeId") != null)
                .forEach(c -> openDisputes.put(c.getString("claimId"), c.getString("openDisputeId")));
        List<ReleaseView> releases = new ArrayList<>();
        for (Document r : Docs.documents(page, "releases")) {
            List<AssessedComponentView> assessed = AssessmentVersions.components(r, "components");
            releases.add(new ReleaseView(r.getString("releaseId"), r.getString("name"), r.getString("version"),
                    Docs.localDate(r, "releaseDate"), r.getString("baseModel"), List.copyOf(Docs.strings(r, "links")),
                    r.getString("registeredBy"), Docs.instant(r, "registeredAt"), Docs.integer(r, "assessmentVersion"),
                    assessed.stream().map(c -> c.withOpenDispute(openDisputes.get(c.claimId()))).toList(),
                    FrameworkScores.of(assessed)));
        }
        List<ClaimSummaryView> claims = Docs.documents(page, "claims").stream()
                .map(c -> new ClaimSummaryView(c.getString("claimId"), modelId, c.getString("releaseId"),
                        c.getString("component"), c.getString("openness"), c.getString("licence"),
                        c.getString("status"), Docs.bool(c, "locked"), c.getString("authorId"),
                        Docs.instant(c, "proposedAt"), Docs.integer(c, "agreeCount"),
                        Docs.integer(c, "disagreeCount"), c.getString("openDisputeId"), Docs.bool(c, "hidden")))
                .toList();
        Document protection = page.get("protection", Document.class);
        return new ModelView(modelId, page.getString("name"), page.getString("producer"),
                page.getString("description"), page.getString("registeredBy"), Docs.instant(page, "registeredAt"),
                List.copyOf(releases), claims, protection == null ? null : new ProtectionView(
                        Docs.integer(protection, "minimumAcceptedClaims"), Docs.instant(protection, "since"),
                        protection.getString("by"), protection.getString("reason")));
    }
}
