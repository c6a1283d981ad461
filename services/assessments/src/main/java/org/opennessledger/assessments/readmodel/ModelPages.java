package org.opennessledger.assessments.readmodel;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.opennessledger.assessments.frameworks.FrameworkScores;
import org.opennessledger.contracts.models.ModelFamilyRegistered;
import org.opennessledger.contracts.models.ModelProtected;
import org.opennessledger.contracts.models.ModelTypeStated;
import org.opennessledger.contracts.models.ModelProtectionLifted;
import org.opennessledger.contracts.models.ReleaseRegistered;
import org.opennessledger.contracts.values.ComponentId;
import org.opennessledger.contracts.views.AssessedComponentView;
import org.opennessledger.contracts.views.AssessmentChangesView;
import org.opennessledger.contracts.views.AssessmentVersionView;
import org.opennessledger.contracts.views.ClaimSummaryView;
import org.opennessledger.contracts.views.ClaimView;
import org.opennessledger.contracts.views.MatrixChangesView;
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

    private static final String PROTECTION_HISTORY = "protectionHistory";

    /**
     * What the model list reads of each page: its fields and one id per release and claim (to count them). The
     * pages' claims and assessed components are most of their size: reading them whole made the list at 20,000
     * families move about 120 MB through the read store per request.
     */
    private static final Bson LIST_FIELDS = Projections.include("name", "producer", "registeredAt", "modelType",
            "releases.releaseId", "claims.claimId");
    /** What the matrices read of each page: the releases whole, of the claims only which are under dispute. */
    private static final Bson MATRIX_FIELDS = Projections.include("name", "producer", "registeredAt", "registeredBy",
            "modelType", "releases", "claims.claimId", "claims.openDisputeId");

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
                .append("modelType", event.modelType() == null ? null : event.modelType().id())
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

    public void typeStated(ModelTypeStated event, EventContext context) {
        DocumentUpdates.update(collection, event.modelId(), null, context.eventId(),
                page -> page.put("modelType", event.modelType().id()));
    }

    public void protectedBy(ModelProtected event, EventContext context) {
        protection(event.modelId(), new Document("minimumAcceptedClaims", event.minimumAcceptedClaims())
                .append("since", Docs.date(context.timestamp()))
                .append("by", event.moderatorId())
                .append("reason", event.reason()), context);
    }

    public void protectionLifted(ModelProtectionLifted event, EventContext context) {
        protection(event.modelId(), null, context);
    }

    /** The protection now, and in the history of protections that as-of views read. */
    private void protection(String modelId, Document protection, EventContext context) {
        DocumentUpdates.update(collection, modelId, null, context.eventId(), page -> {
            page.put("protection", protection);
            List<Document> history = Docs.documents(page, PROTECTION_HISTORY);
            history.add(new Document("at", Docs.date(context.timestamp())).append("protection", protection));
            page.put(PROTECTION_HISTORY, history);
        });
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
                model.claims().stream().filter(c -> !c.hidden()).toList(), model.protection(), model.modelType());
    }

    public List<ModelSummaryView> list() {
        List<ModelSummaryView> models = new ArrayList<>();
        collection.find().projection(LIST_FIELDS).batchSize(Docs.BATCH).forEach(page -> models.add(new ModelSummaryView(
                page.getString(DocumentUpdates.ID), page.getString("name"), page.getString("producer"),
                Docs.documents(page, "releases").size(), Docs.documents(page, "claims").size(),
                Docs.instant(page, "registeredAt"), page.getString("modelType"))));
        models.sort(Comparator.comparing(ModelSummaryView::name, Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER))
                .thenComparing(ModelSummaryView::modelId));
        return models;
    }

    /** Scans every model page: one row per release, ordered by model name then release registration. */
    public MatrixView matrix() {
        List<MatrixView.Row> rows = new ArrayList<>();
        for (ModelView model : sortedModels()) {
            for (ReleaseView release : model.releases()) {
                rows.add(row(model, release));
            }
        }
        return new MatrixView(Arrays.stream(ComponentId.values()).map(ComponentId::id).toList(), rows);
    }

    /**
     * The model family as it stood at {@code at}: the releases registered by then with the assessment
     * version in force then, its claims proposed by then in their state then, and its protection then.
     * Empty when the family was not registered yet.
     */
    public Optional<ModelView> asOf(String modelId, Instant at, boolean includeHidden, ClaimPages claimPages) {
        if (modelId == null) {
            return Optional.empty();
        }
        Document page = collection.find(eq(DocumentUpdates.ID, modelId)).first();
        if (page == null || Docs.instant(page, "registeredAt").isAfter(at)) {
            return Optional.empty();
        }
        ModelView now = toView(page);
        List<ReleaseView> releases = now.releases().stream().filter(r -> !r.registeredAt().isAfter(at))
                .map(release -> releaseAsOf(modelId, release, at)).toList();
        List<ClaimSummaryView> claims = new ArrayList<>();
        for (ClaimSummaryView claim : now.claims()) {
            if ((includeHidden || !claim.hidden()) && !claim.proposedAt().isAfter(at)) {
                claimPages.asOf(claim.claimId(), at).ifPresent(then -> claims.add(new ClaimSummaryView(then.claimId(),
                        modelId, then.releaseId(), then.component(), then.openness(), then.licence(), then.status(),
                        then.locked(), then.authorId(), then.proposedAt(), then.agreeCount(), then.disagreeCount(),
                        then.openDisputeId(), claim.hidden())));
            }
        }
        Document protection = Docs.documents(page, PROTECTION_HISTORY).stream()
                .filter(entry -> !Docs.instant(entry, "at").isAfter(at)).reduce((first, second) -> second)
                .map(entry -> entry.get("protection", Document.class)).orElse(null);
        return Optional.of(new ModelView(modelId, now.name(), now.producer(), now.description(), now.registeredBy(),
                now.registeredAt(), releases, List.copyOf(claims), protectionView(protection), now.modelType()));
    }

    /** A release with the assessment version in force at {@code at} (version 0 and no components before the first). */
    private ReleaseView releaseAsOf(String modelId, ReleaseView release, Instant at) {
        Optional<AssessmentVersionView> version = assessmentVersions.asOf(modelId, release.releaseId(), at);
        List<AssessedComponentView> components = version.map(AssessmentVersionView::components).orElse(List.of());
        return new ReleaseView(release.releaseId(), release.name(), release.version(), release.releaseDate(),
                release.baseModel(), release.links(), release.registeredBy(), release.registeredAt(),
                version.map(AssessmentVersionView::version).orElse(0), components, FrameworkScores.of(components));
    }

    /** The matrix as it stood at {@code at}: families and releases registered by then, each as assessed then. */
    public MatrixView matrixAsOf(Instant at) {
        List<MatrixView.Row> rows = new ArrayList<>();
        for (ModelView model : sortedModels()) {
            if (model.registeredAt().isAfter(at)) {
                continue;
            }
            for (ReleaseView release : model.releases()) {
                if (!release.registeredAt().isAfter(at)) {
                    rows.add(row(model, releaseAsOf(model.modelId(), release, at)));
                }
            }
        }
        return new MatrixView(Arrays.stream(ComponentId.values()).map(ComponentId::id).toList(), rows);
    }

    /** The releases whose assessment in force changed between the two instants, with each change and its causes. */
    public MatrixChangesView matrixChanges(Instant from, Instant to) {
        List<AssessmentChangesView> releases = new ArrayList<>();
        for (ModelView model : sortedModels()) {
            for (ReleaseView release : model.releases()) {
                List<AssessmentVersionView> versions = assessmentVersions.list(model.modelId(), release.releaseId());
                int before = AssessmentVersions.versionInForceAt(versions, from);
                int after = AssessmentVersions.versionInForceAt(versions, to);
                if (before != after) {
                    assessmentVersions.changes(model.modelId(), release.releaseId(), Math.min(before, after),
                                    Math.max(before, after))
                            .filter(changes -> !changes.changes().isEmpty())
                            .ifPresent(releases::add);
                }
            }
        }
        return new MatrixChangesView(from, to, List.copyOf(releases));
    }

    /** Every family with only what a matrix row shows (see {@link #MATRIX_FIELDS}), by name. */
    private List<ModelView> sortedModels() {
        List<ModelView> models = new ArrayList<>();
        collection.find().projection(MATRIX_FIELDS).batchSize(Docs.BATCH).forEach(page -> models.add(toView(page)));
        models.sort(Comparator.comparing(ModelView::name, Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER))
                .thenComparing(ModelView::modelId));
        return models;
    }

    private static MatrixView.Row row(ModelView model, ReleaseView release) {
        Map<String, AssessedComponentView> cells = new LinkedHashMap<>();
        release.components().forEach(c -> cells.put(c.component(), c));
        return new MatrixView.Row(model.modelId(), model.name(), release.releaseId(), release.name(),
                release.assessmentVersion(), cells, release.scores(), model.producer(), model.modelType());
    }

    private static ProtectionView protectionView(Document protection) {
        return protection == null ? null : new ProtectionView(Docs.integer(protection, "minimumAcceptedClaims"),
                Docs.instant(protection, "since"), protection.getString("by"), protection.getString("reason"));
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
        return new ModelView(modelId, page.getString("name"), page.getString("producer"),
                page.getString("description"), page.getString("registeredBy"), Docs.instant(page, "registeredAt"),
                List.copyOf(releases), claims, protectionView(page.get("protection", Document.class)),
                page.getString("modelType"));
    }
}
