package org.opennessledger.assessments.readmodel;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.bson.Document;
import org.opennessledger.contracts.claims.ClaimLocked;
import org.opennessledger.contracts.claims.ClaimProposed;
import org.opennessledger.contracts.claims.ClaimReviewed;
import org.opennessledger.contracts.claims.ClaimSuperseded;
import org.opennessledger.contracts.values.ClaimStatus;
import org.opennessledger.contracts.values.Evidence;
import org.opennessledger.contracts.views.ClaimView;
import org.opennessledger.contracts.views.ReviewView;

/**
 * The claim pages: one document per claim ({@code _id} = claim id) with its content, evidence,
 * status, counts, the active review of each reviewer and every review ever given.
 */
public final class ClaimPages {

    private final MongoCollection<Document> collection;

    ClaimPages(MongoCollection<Document> collection) {
        this.collection = collection;
    }

    public ClaimView proposed(ClaimProposed event, EventContext context) {
        return DocumentUpdates.update(collection, event.claimId(), () -> newPage(event, context), context.eventId(),
                        page -> { })
                .map(ClaimPages::toView)
                .orElseThrow();
    }

    /** Replaces the reviewer's active review and flags the one it replaces in the review history. */
    public Optional<ClaimView> reviewed(ClaimReviewed event, EventContext context) {
        return change(event.claimId(), context, page -> {
            Document review = new Document("reviewerId", event.reviewerId())
                    .append("verdict", event.verdict().id())
                    .append("reason", event.reason())
                    .append("at", Docs.date(context.timestamp()))
                    .append("replaced", false);
            List<Document> active = Docs.documents(page, "reviews");
            active.removeIf(r -> event.reviewerId().equals(r.getString("reviewerId")));
            active.add(review);
            List<Document> history = new ArrayList<>();
            for (Document earlier : Docs.documents(page, "reviewHistory")) {
                boolean replacedNow = event.reviewerId().equals(earlier.getString("reviewerId"));
                history.add(replacedNow ? new Document(earlier).append("replaced", true) : earlier);
            }
            history.add(review);
            page.append("reviews", active)
                    .append("reviewHistory", history)
                    .append("agreeCount", event.agreeCount())
                    .append("disagreeCount", event.disagreeCount());
        });
    }

    /** ClaimAccepted, ClaimRejected and ClaimReopened: a consensus outcome under a policy version. */
    public Optional<ClaimView> consensusReached(String claimId, ClaimStatus status, String policyVersion,
                                                int agreeCount, int disagreeCount, EventContext context) {
        return change(claimId, context, page -> page
                .append("status", status.name())
                .append("policyVersion", policyVersion)
                .append("statusSince", Docs.date(context.timestamp()))
                .append("agreeCount", agreeCount)
                .append("disagreeCount", disagreeCount));
    }

    public Optional<ClaimView> locked(ClaimLocked event, EventContext context) {
        return change(event.claimId(), context, page -> page.append("locked", true));
    }

    public Optional<ClaimView> superseded(ClaimSuperseded event, EventContext context) {
        return change(event.claimId(), context, page -> page
                .append("status", ClaimStatus.SUPERSEDED.name())
                .append("statusSince", Docs.date(context.timestamp()))
                .append("supersededBy", event.supersededBy())
                .append("supersededReason", event.reason()));
    }

    public Optional<ClaimView> find(String claimId) {
        if (claimId == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(collection.find(eq(DocumentUpdates.ID, claimId)).first()).map(ClaimPages::toView);
    }

    private Optional<ClaimView> change(String claimId, EventContext context, Consumer<Document> change) {
        return DocumentUpdates.update(collection, claimId, null, context.eventId(), change).map(ClaimPages::toView);
    }

    private static Document newPage(ClaimProposed event, EventContext context) {
        List<Document> evidence = event.evidence().stream()
                .map(e -> new Document("url", e.url())
                        .append("quote", e.quote())
                        .append("retrievedOn", Docs.isoDate(e.retrievedOn()))
                        .append("contentHash", e.contentHash()))
                .toList();
        return new Document("modelId", event.target().modelId())
                .append("releaseId", event.target().releaseId())
                .append("component", event.target().component().id())
                .append("openness", event.openness() == null ? null : event.openness().id())
                .append("licence", event.licence())
                .append("evidence", evidence)
                .append("rationale", event.rationale())
                .append("authorId", event.authorId())
                .append("proposedAt", Docs.date(context.timestamp()))
                .append("status", ClaimStatus.PROPOSED.name())
                .append("locked", false)
                .append("policyVersion", event.policyVersion())
                .append("statusSince", Docs.date(context.timestamp()))
                .append("supersededBy", null)
                .append("supersededReason", null)
                .append("agreeCount", 0)
                .append("disagreeCount", 0)
                .append("reviews", List.of())
                .append("reviewHistory", List.of());
    }

    static ClaimView toView(Document page) {
        List<Evidence> evidence = Docs.documents(page, "evidence").stream()
                .map(e -> new Evidence(e.getString("url"), e.getString("quote"), Docs.localDate(e, "retrievedOn"),
                        e.getString("contentHash")))
                .toList();
        return new ClaimView(page.getString(DocumentUpdates.ID), page.getString("modelId"),
                page.getString("releaseId"), page.getString("component"), page.getString("openness"),
                page.getString("licence"), evidence, page.getString("rationale"), page.getString("authorId"),
                Docs.instant(page, "proposedAt"), page.getString("status"), Docs.bool(page, "locked"),
                page.getString("policyVersion"), Docs.instant(page, "statusSince"), page.getString("supersededBy"),
                page.getString("supersededReason"), Docs.integer(page, "agreeCount"),
                Docs.integer(page, "disagreeCount"), reviews(page, "reviews"), reviews(page, "reviewHistory"));
    }

    private static List<ReviewView> reviews(Document page, String key) {
        return Docs.documents(page, key).stream()
                .map(r -> new ReviewView(r.getString("reviewerId"), r.getString("verdict"), r.getString("reason"),
                        Docs.instant(r, "at"), Docs.bool(r, "replaced")))
                .toList();
    }
}
