package org.opennessledger.assessments.readmodel;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.bson.Document;
import org.opennessledger.assessments.frameworks.FrameworkScores;
import org.opennessledger.contracts.values.ClaimTarget;
import org.opennessledger.contracts.values.ComponentId;
import org.opennessledger.contracts.views.AssessedComponentView;
import org.opennessledger.contracts.views.AssessmentChangesView;
import org.opennessledger.contracts.views.AssessmentDiffView;
import org.opennessledger.contracts.views.AssessmentDiffView.ComponentChangeView;
import org.opennessledger.contracts.views.AssessmentVersionView;
import org.opennessledger.contracts.views.ClaimView;

/**
 * Numbered assessment versions per release, kept in three collections:
 * <ul>
 *   <li>{@code assessment_inputs} ({@code _id} = model id): the releases of the family and the
 *       claim currently used per target (release-level or family-wide) — what the versions derive from;</li>
 *   <li>{@code assessment_heads} ({@code _id} = "model/release"): the latest version number and its components;</li>
 *   <li>{@code assessment_versions} ({@code _id} = "model/release/n"): every published version with its diff.</li>
 * </ul>
 * After each relevant event the effective components of every release are recomputed from the
 * inputs and compared with the head; a version is published only where they differ. That
 * comparison also makes a re-delivered event (or one retried after a crash half-way) publish
 * nothing twice.
 */
public final class AssessmentVersions {

    static final String SCOPE_RELEASE = "release";
    static final String SCOPE_FAMILY = "family";
    /** The head's version: its conditional replace filters on it with the {@code _id}. */
    static final String HEAD_VERSION = "version";

    private static final String RELEASES = "releases";
    private static final String ACCEPTED_CLAIMS = "acceptedClaims";

    private final MongoCollection<Document> inputs;
    private final MongoCollection<Document> heads;
    private final MongoCollection<Document> versions;

    AssessmentVersions(MongoCollection<Document> inputs, MongoCollection<Document> heads,
                       MongoCollection<Document> versions) {
        this.inputs = inputs;
        this.heads = heads;
        this.versions = versions;
    }

    /** The head of a release: its latest version number (0 before the first) and that version's components. */
    public record Head(int version, List<AssessedComponentView> components) {
        static final Head NONE = new Head(0, List.of());
    }

    /** A new release starts with the family-wide claims already accepted (its version 1 if any). */
    public void releaseRegistered(String modelId, String releaseId, EventContext context) {
        DocumentUpdates.update(inputs, modelId, AssessmentVersions::emptyInputs, context.eventId(), doc -> {
            List<String> releases = Docs.strings(doc, RELEASES);
            if (!releases.contains(releaseId)) {
                releases.add(releaseId);
            }
            doc.put(RELEASES, releases);
        });
        publishChanges(modelId, null, context);
    }

    /**
     * An accepted claim becomes the one used for its target, displacing the previous one (which
     * is superseded shortly after). {@code claim} supplies openness and licence; null if unknown.
     */
    public void claimAccepted(String claimId, ClaimTarget target, ClaimView claim, EventContext context) {
        DocumentUpdates.update(inputs, target.modelId(), AssessmentVersions::emptyInputs, context.eventId(), doc -> {
            List<Document> accepted = Docs.documents(doc, ACCEPTED_CLAIMS);
            accepted.removeIf(entry -> sameTarget(entry, target));
            accepted.add(new Document("releaseId", target.releaseId())
                    .append("component", target.component().id())
                    .append("claimId", claimId)
                    .append("openness", claim == null ? null : claim.openness())
                    .append("licence", claim == null ? null : claim.licence()));
            doc.put(ACCEPTED_CLAIMS, accepted);
        });
        publishChanges(target.modelId(), claimId, context);
    }

    /** The claim left the accepted state; if it is the one used for its target, the target falls back. */
    public void claimWithdrawn(String claimId, ClaimTarget target, EventContext context) {
        DocumentUpdates.update(inputs, target.modelId(), null, context.eventId(), doc -> {
            List<Document> accepted = Docs.documents(doc, ACCEPTED_CLAIMS);
            accepted.removeIf(entry -> sameTarget(entry, target) && claimId.equals(entry.getString("claimId")));
            doc.put(ACCEPTED_CLAIMS, accepted);
        });
        publishChanges(target.modelId(), claimId, context);
    }

    public Head head(String modelId, String releaseId) {
        Document head = heads.find(eq(DocumentUpdates.ID, headId(modelId, releaseId))).first();
        return head == null ? Head.NONE : new Head(Docs.integer(head, "version"), components(head, "components"));
    }

    public List<AssessmentVersionView> list(String modelId, String releaseId) {
        if (modelId == null || releaseId == null) {
            return List.of();
        }
        int latest = head(modelId, releaseId).version();
        if (latest == 0) {
            return List.of();
        }
        List<String> ids = IntStream.rangeClosed(1, latest).mapToObj(n -> versionId(modelId, releaseId, n)).toList();
        List<AssessmentVersionView> found = new ArrayList<>();
        versions.find(in(DocumentUpdates.ID, ids)).forEach(doc -> found.add(toView(doc)));
        found.sort(Comparator.comparingInt(AssessmentVersionView::version));
        return found;
    }

    public Optional<AssessmentVersionView> find(String modelId, String releaseId, int version) {
        if (modelId == null || releaseId == null || version < 1) {
            return Optional.empty();
        }
        return Optional.ofNullable(versions.find(eq(DocumentUpdates.ID, versionId(modelId, releaseId, version))).first())
                .map(AssessmentVersions::toView);
    }

    /**
     * The version in force at {@code at}: the highest-numbered version published at or before it
     * (publication dates are the source's for imported history). Empty before the first.
     */
    public Optional<AssessmentVersionView> asOf(String modelId, String releaseId, Instant at) {
        return inForceAt(list(modelId, releaseId), at);
    }

    /** Of a release's versions, the one in force at {@code at} (see {@link #asOf}); its number, 0 before the first. */
    static int versionInForceAt(List<AssessmentVersionView> versions, Instant at) {
        return inForceAt(versions, at).map(AssessmentVersionView::version).orElse(0);
    }

    private static Optional<AssessmentVersionView> inForceAt(List<AssessmentVersionView> versions, Instant at) {
        return versions.stream().filter(v -> !v.publishedAt().isAfter(at))
                .max(Comparator.comparingInt(AssessmentVersionView::version));
    }

    /**
     * The changes from version {@code from} to version {@code to} of a release (0 stands for "before
     * the first"); empty when either version does not exist.
     *
     * @throws IllegalArgumentException when {@code from} is after {@code to}
     */
    public Optional<AssessmentChangesView> changes(String modelId, String releaseId, int from, int to) {
        if (from > to) {
            throw new IllegalArgumentException("from (" + from + ") is after to (" + to + ")");
        }
        List<Document> docs = versionDocuments(modelId, releaseId, to);
        if (from < 0 || to < 0 || docs.size() < to || (to > 0 && docs.isEmpty())) {
            return Optional.empty();
        }
        Document before = from == 0 ? null : docs.get(from - 1);
        Document after = to == 0 ? null : docs.get(to - 1);
        List<AssessedComponentView> was = before == null ? List.of() : components(before, "components");
        List<AssessedComponentView> is = after == null ? List.of() : components(after, "components");
        List<AssessmentChangesView.Change> changes = new ArrayList<>();
        for (ComponentChangeView change : diff(was, is)) {
            List<AssessmentChangesView.Cause> causes = new ArrayList<>();
            for (Document version : docs.subList(from, to)) {
                boolean touched = Docs.documents(version.get("diff", Document.class), "changes").stream()
                        .anyMatch(c -> change.component().equals(c.getString("component")));
                if (touched) {
                    causes.add(new AssessmentChangesView.Cause(Docs.integer(version, "version"),
                            Docs.instant(version, "publishedAt"), version.getString("causedByClaimId"),
                            version.getString("causedByEvent"), version.getString("actorId"),
                            version.getString("reason")));
                }
            }
            changes.add(new AssessmentChangesView.Change(change.component(), change.kind(),
                    aspects(change.before(), change.after()), change.before(), change.after(), List.copyOf(causes)));
        }
        return Optional.of(new AssessmentChangesView(modelId, releaseId, from, to,
                before == null ? null : Docs.instant(before, "publishedAt"),
                after == null ? null : Docs.instant(after, "publishedAt"), List.copyOf(changes)));
    }

    /** What differs between two states of a component: openness, licence, and/or the claim behind it. */
    private static List<String> aspects(AssessedComponentView before, AssessedComponentView after) {
        List<String> aspects = new ArrayList<>();
        String openness = before == null ? null : before.openness();
        String licence = before == null ? null : before.licence();
        String claim = before == null ? null : before.claimId();
        if (!Objects.equals(openness, after == null ? null : after.openness())) {
            aspects.add("openness");
        }
        if (!Objects.equals(licence, after == null ? null : after.licence())) {
            aspects.add("licence");
        }
        if (!Objects.equals(claim, after == null ? null : after.claimId())) {
            aspects.add("claim");
        }
        return List.copyOf(aspects);
    }

    /** Versions 1 to {@code upTo} of a release in order (fewer when some do not exist). */
    private List<Document> versionDocuments(String modelId, String releaseId, int upTo) {
        if (modelId == null || releaseId == null || upTo < 1) {
            return List.of();
        }
        List<String> ids = IntStream.rangeClosed(1, upTo).mapToObj(n -> versionId(modelId, releaseId, n)).toList();
        List<Document> found = new ArrayList<>();
        versions.find(in(DocumentUpdates.ID, ids)).forEach(found::add);
        found.sort(Comparator.comparingInt(doc -> Docs.integer(doc, "version")));
        return found;
    }

    private void publishChanges(String modelId, String causedByClaimId, EventContext context) {
        Document doc = inputs.find(eq(DocumentUpdates.ID, modelId)).first();
        if (doc == null) {
            return;
        }
        List<Document> accepted = Docs.documents(doc, ACCEPTED_CLAIMS);
        Set<String> releases = new LinkedHashSet<>(Docs.strings(doc, RELEASES));
        accepted.stream().map(entry -> entry.getString("releaseId")).filter(Objects::nonNull).forEach(releases::add);
        for (String releaseId : releases) {
            List<AssessedComponentView> effective = effectiveComponents(accepted, releaseId);
            Head head = head(modelId, releaseId);
            if (!effective.equals(head.components())) {
                publish(modelId, releaseId, head, effective, causedByClaimId, context);
            }
        }
    }

    /**
     * Writes version n (an upsert, so a retry rewrites the same document) and then moves the head from
     * n-1 to n. A change replayed from another index's history joins the version its source commit
     * already started (same request, same commit date): one commit, one version.
     */
    private void publish(String modelId, String releaseId, Head head, List<AssessedComponentView> components,
                         String causedByClaimId, EventContext context) {
        Head from = head;
        int version = head.version() + 1;
        if (context.datedBySource() && head.version() > 0) {
            Document current = versions.find(eq(DocumentUpdates.ID, versionId(modelId, releaseId, head.version()))).first();
            if (current != null && context.correlationId() != null
                    && context.correlationId().equals(current.getString("correlationId"))
                    && context.timestamp().equals(Docs.instant(current, "publishedAt"))) {
                version = head.version();
                from = head.version() == 1 ? Head.NONE : find(modelId, releaseId, head.version() - 1)
                        .map(previous -> new Head(previous.version(), previous.components())).orElse(Head.NONE);
            }
        }
        List<Document> componentDocs = components.stream().map(AssessmentVersions::componentDocument).toList();
        Document diff = new Document("fromVersion", from.version())
                .append("toVersion", version)
                .append("changes", diff(from.components(), components).stream()
                        .map(change -> new Document("component", change.component())
                                .append("kind", change.kind())
                                .append("before", componentDocument(change.before()))
                                .append("after", componentDocument(change.after())))
                        .toList());
        String versionId = versionId(modelId, releaseId, version);
        versions.replaceOne(eq(DocumentUpdates.ID, versionId), new Document(DocumentUpdates.ID, versionId)
                        .append("modelId", modelId)
                        .append("releaseId", releaseId)
                        .append("version", version)
                        .append("publishedAt", Docs.date(context.timestamp()))
                        .append("causedByClaimId", causedByClaimId)
                        .append("causedByEvent", context.eventType())
                        .append("correlationId", context.correlationId())
                        .append("actorId", context.actorId())
                        .append("reason", context.reason())
                        .append("components", componentDocs)
                        .append("diff", diff),
                new ReplaceOptions().upsert(true));
        String headId = headId(modelId, releaseId);
        // Conditional on the version read: a concurrent writer makes the upsert hit the unique _id and fail.
        heads.replaceOne(DocumentUpdates.idAnd(headId, HEAD_VERSION, head.version()),
                new Document(DocumentUpdates.ID, headId)
                        .append("modelId", modelId)
                        .append("releaseId", releaseId)
                        .append("version", version)
                        .append("components", componentDocs),
                new ReplaceOptions().upsert(true));
    }

    /** Per component in catalogue order: the release's own accepted claim, else the family-wide one. */
    static List<AssessedComponentView> effectiveComponents(List<Document> accepted, String releaseId) {
        List<AssessedComponentView> result = new ArrayList<>();
        for (ComponentId component : ComponentId.values()) {
            Optional<Document> own = accepted.stream()
                    .filter(e -> releaseId.equals(e.getString("releaseId")) && component.id().equals(e.getString("component")))
                    .findFirst();
            Optional<Document> family = accepted.stream()
                    .filter(e -> e.getString("releaseId") == null && component.id().equals(e.getString("component")))
                    .findFirst();
            own.map(e -> assessed(e, SCOPE_RELEASE))
                    .or(() -> family.map(e -> assessed(e, SCOPE_FAMILY)))
                    .ifPresent(result::add);
        }
        return result;
    }

    static List<ComponentChangeView> diff(List<AssessedComponentView> before, List<AssessedComponentView> after) {
        List<ComponentChangeView> changes = new ArrayList<>();
        for (ComponentId component : ComponentId.values()) {
            AssessedComponentView was = byComponent(before, component);
            AssessedComponentView is = byComponent(after, component);
            if (was == null && is != null) {
                changes.add(new ComponentChangeView(component.id(), "added", null, is));
            } else if (was != null && is == null) {
                changes.add(new ComponentChangeView(component.id(), "removed", was, null));
            } else if (was != null && !was.equals(is)) {
                changes.add(new ComponentChangeView(component.id(), "changed", was, is));
            }
        }
        return changes;
    }

    private static AssessedComponentView byComponent(List<AssessedComponentView> components, ComponentId component) {
        return components.stream().filter(c -> component.id().equals(c.component())).findFirst().orElse(null);
    }

    private static AssessedComponentView assessed(Document entry, String scope) {
        return new AssessedComponentView(entry.getString("component"), entry.getString("claimId"),
                entry.getString("openness"), entry.getString("licence"), scope);
    }

    private static boolean sameTarget(Document entry, ClaimTarget target) {
        return Objects.equals(entry.getString("releaseId"), target.releaseId())
                && target.component().id().equals(entry.getString("component"));
    }

    private static Document emptyInputs() {
        return new Document(RELEASES, List.of()).append(ACCEPTED_CLAIMS, List.of());
    }

    static Document componentDocument(AssessedComponentView component) {
        if (component == null) {
            return null;
        }
        return new Document("component", component.component())
                .append("claimId", component.claimId())
                .append("openness", component.openness())
                .append("licence", component.licence())
                .append("scope", component.scope());
    }

    static AssessedComponentView component(Document doc) {
        return doc == null ? null : new AssessedComponentView(doc.getString("component"), doc.getString("claimId"),
                doc.getString("openness"), doc.getString("licence"), doc.getString("scope"));
    }

    static List<AssessedComponentView> components(Document doc, String key) {
        return Docs.documents(doc, key).stream().map(AssessmentVersions::component).toList();
    }

    private static AssessmentVersionView toView(Document doc) {
        Document diff = doc.get("diff", Document.class);
        List<ComponentChangeView> changes = Docs.documents(diff, "changes").stream()
                .map(c -> new ComponentChangeView(c.getString("component"), c.getString("kind"),
                        component(c.get("before", Document.class)), component(c.get("after", Document.class))))
                .toList();
        List<AssessedComponentView> components = components(doc, "components");
        return new AssessmentVersionView(doc.getString("modelId"), doc.getString("releaseId"),
                Docs.integer(doc, "version"), Docs.instant(doc, "publishedAt"), doc.getString("causedByClaimId"),
                doc.getString("causedByEvent"), components,
                new AssessmentDiffView(Docs.integer(diff, "fromVersion"), Docs.integer(diff, "toVersion"), changes),
                FrameworkScores.of(components));
    }

    static String headId(String modelId, String releaseId) {
        return modelId + "/" + releaseId;
    }

    static String versionId(String modelId, String releaseId, int version) {
        return headId(modelId, releaseId) + "/" + version;
    }
}
