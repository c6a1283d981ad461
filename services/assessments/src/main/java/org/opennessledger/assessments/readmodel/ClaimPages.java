package org.opennessledger.assessments.readmodel;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.bson.Document;
import org.opennessledger.contracts.claims.ClaimLocked;
import org.opennessledger.contracts.claims.ClaimProposed;
import org.opennessledger.contracts.claims.ClaimReviewed;
import org.opennessledger.contracts.claims.ClaimReinstated;
import org.opennessledger.contracts.claims.ClaimSuperseded;
import org.opennessledger.contracts.debate.ProducerResponsePosted;
import org.opennessledger.contracts.disputes.ClaimDisputeSettled;
import org.opennessledger.contracts.disputes.ClaimDisputed;
import org.opennessledger.contracts.values.ClaimStatus;
import org.opennessledger.contracts.views.ClaimView;
import org.opennessledger.contracts.views.HiddenView;
import org.opennessledger.contracts.views.ProducerResponseView;

/**
 * The claim pages: one document per claim ({@code _id} = claim id) with its content, evidence,
 * status, counts, the active review of each reviewer and every review ever given, the dispute
 * open on it (if any) and the ids of all its disputes, oldest first.
 */
public final class ClaimPages {

    private static final String PRODUCER_RESPONSE = "producerResponse";
    private static final String HIDDEN = "hidden";

    private static final String OPEN_DISPUTE_ID = "openDisputeId";
    private static final String DISPUTE_IDS = "disputeIds";

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
            Document review = Docs.review(event.reviewerId(), event.verdict(), event.justification(),
                    context.timestamp());
            List<Document> active = Docs.documents(page, "reviews");
            active.removeIf(r -> event.reviewerId().equals(r.getString("reviewerId")));
            active.add(review);
            page.append("reviews", active)
                    .append("reviewHistory", Docs.withReview(Docs.documents(page, "reviewHistory"), review))
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

    /** Marks the claim hidden, or visible again when {@code hidden} is null. */
    public Optional<ClaimView> markHidden(String claimId, HiddenView hidden, EventContext context) {
        return change(claimId, context, page -> page.append(HIDDEN, Docs.hiddenMarker(hidden)));
    }

    /** The model producer's response: one per claim (the claim refuses a second). */
    public Optional<ClaimView> producerResponded(ProducerResponsePosted event, EventContext context) {
        return change(event.claimId(), context, page -> page.append(PRODUCER_RESPONSE,
                new Document("producerOrg", event.producerOrg())
                        .append("authorId", event.authorId())
                        .append("text", event.text())
                        .append("evidence", Docs.evidenceDocuments(event.evidence()))
                        .append("postedAt", Docs.date(context.timestamp()))));
    }

    /** Accepted again because the claim that superseded it lost its acceptance. */
    public Optional<ClaimView> reinstated(ClaimReinstated event, EventContext context) {
        return change(event.claimId(), context, page -> {
            page.append("status", ClaimStatus.ACCEPTED.name())
                    .append("policyVersion", event.policyVersion())
                    .append("statusSince", Docs.date(context.timestamp()))
                    .append("supersededBy", null);
            page.remove("supersededReason");
        });
    }

    /** Claims by {@code authorId} that reached acceptance: ACCEPTED now, or SUPERSEDED by a later accepted claim. */
    public long acceptedClaimsAuthoredBy(String authorId) {
        // Counted from the matching ids, not with countDocuments: the embedded mongo-java-server answers that
        // aggregation by first collecting every claim page in a list; a filtered find keeps only the matches.
        long accepted = 0;
        for (Document ignored : collection.find(Filters.and(Filters.eq("authorId", authorId),
                        Filters.in("status", ClaimStatus.ACCEPTED.name(), ClaimStatus.SUPERSEDED.name())))
                .projection(new Document(DocumentUpdates.ID, 1))) {
            accepted++;
        }
        return accepted;
    }

    /** The claim is under dispute: flagged until a final decision settles it. */
    public Optional<ClaimView> disputed(ClaimDisputed event, EventContext context) {
        return change(event.claimId(), context, page -> {
            page.append(OPEN_DISPUTE_ID, event.disputeId());
            addDisputeId(page, event.disputeId());
        });
    }

    /**
     * Lists a dispute on its claim (once; {@link #disputed} normally has already). A set insertion,
     * so it needs no event guard and writes nothing when the id is there.
     */
    public Optional<ClaimView> disputeOpened(String claimId, String disputeId) {
        return DocumentUpdates.update(collection, claimId, null, null, page -> addDisputeId(page, disputeId))
                .map(ClaimPages::toView);
    }

    /** A final decision ends the dispute on the claim; an earlier one leaves the flag. */
    public Optional<ClaimView> disputeSettled(ClaimDisputeSettled event, EventContext context) {
        return change(event.claimId(), context, page -> {
            if (event.finalDecision() && event.disputeId().equals(page.getString(OPEN_DISPUTE_ID))) {
                page.append(OPEN_DISPUTE_ID, null);
            }
        });
    }

    /** The ids of every dispute of the claim, oldest first (empty for an unknown claim). */
    public List<String> disputeIds(String claimId) {
        if (claimId == null) {
            return List.of();
        }
        Document page = collection.find(eq(DocumentUpdates.ID, claimId)).projection(new Document(DISPUTE_IDS, 1))
                .first();
        return page == null ? List.of() : Docs.strings(page, DISPUTE_IDS);
    }

    public Optional<ClaimView> find(String claimId) {
        if (claimId == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(collection.find(eq(DocumentUpdates.ID, claimId)).first()).map(ClaimPages::toView);
    }

    private Optional<ClaimView> change(String claimId, EventContext context, Consumer<Document> change) {
        return DocumentUpdates.update(collection, claimId, null, context.eventId(), page -> {
            change.accept(page);
            recordState(page, context.timestamp());
        }).map(ClaimPages::toView);
    }

    /** The fields of a claim that change over time, kept at each change so that any instant can be shown. */
    private static final List<String> STATE_FIELDS = List.of("status", "policyVersion", "statusSince", "locked",
            "supersededBy", "supersededReason", OPEN_DISPUTE_ID, "agreeCount", "disagreeCount");
    private static final String STATES = "states";

    /** Appends the page's state as of {@code at}, unless it is the state already recorded last. */
    private static void recordState(Document page, Instant at) {
        Document state = new Document("at", Docs.date(at));
        STATE_FIELDS.forEach(field -> state.append(field, page.get(field)));
        List<Document> states = Docs.documents(page, STATES);
        if (!states.isEmpty()) {
            Document last = new Document(states.get(states.size() - 1));
            last.remove("at");
            Document compared = new Document(state);
            compared.remove("at");
            if (last.equals(compared)) {
                return;
            }
        }
        states.add(state);
        page.put(STATES, states);
    }

    /**
     * The claim as it stood at {@code at}: its state then, the reviews given by then (each reviewer's
     * last one active), the producer response if posted by then; empty if it was not proposed yet.
     * Whether it is hidden is today's decision: hidden content stays hidden in the past too.
     */
    public Optional<ClaimView> asOf(String claimId, Instant at) {
        if (claimId == null) {
            return Optional.empty();
        }
        Document page = collection.find(eq(DocumentUpdates.ID, claimId)).first();
        if (page == null || Docs.instant(page, "proposedAt").isAfter(at)) {
            return Optional.empty();
        }
        Document then = new Document(page);
        Docs.documents(page, STATES).stream().filter(state -> !Docs.instant(state, "at").isAfter(at))
                .reduce((first, second) -> second)
                .ifPresent(state -> STATE_FIELDS.forEach(field -> then.put(field, state.get(field))));
        List<Document> given = Docs.documents(page, "reviewHistory").stream()
                .filter(review -> !Docs.instant(review, "at").isAfter(at)).toList();
        List<Document> history = new ArrayList<>();
        List<Document> active = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            String reviewer = given.get(i).getString("reviewerId");
            boolean replaced = given.subList(i + 1, given.size()).stream()
                    .anyMatch(later -> reviewer.equals(later.getString("reviewerId")));
            Document review = new Document(given.get(i)).append("replaced", replaced);
            history.add(review);
            if (!replaced) {
                active.add(review);
            }
        }
        then.put("reviewHistory", history);
        then.put("reviews", active);
        Document response = page.get(PRODUCER_RESPONSE, Document.class);
        if (response != null && Docs.instant(response, "postedAt").isAfter(at)) {
            then.remove(PRODUCER_RESPONSE);
        }
        return Optional.of(toView(then));
    }

    private static void addDisputeId(Document page, String disputeId) {
        List<String> disputeIds = Docs.strings(page, DISPUTE_IDS);
        if (!disputeIds.contains(disputeId)) {
            disputeIds.add(disputeId);
        }
        page.put(DISPUTE_IDS, disputeIds);
    }

    private static Document newPage(ClaimProposed event, EventContext context) {
        List<Document> evidence = Docs.evidenceDocuments(event.evidence());
        Document page = new Document("modelId", event.target().modelId())
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
                .append("reviewHistory", List.of())
                .append(OPEN_DISPUTE_ID, null)
                .append(DISPUTE_IDS, List.of());
        recordState(page, context.timestamp());
        return page;
    }

    static ClaimView toView(Document page) {
        return new ClaimView(page.getString(DocumentUpdates.ID), page.getString("modelId"),
                page.getString("releaseId"), page.getString("component"), page.getString("openness"),
                page.getString("licence"), Docs.evidence(page, "evidence"), page.getString("rationale"), page.getString("authorId"),
                Docs.instant(page, "proposedAt"), page.getString("status"), Docs.bool(page, "locked"),
                page.getString("policyVersion"), Docs.instant(page, "statusSince"), page.getString("supersededBy"),
                page.getString("supersededReason"), Docs.integer(page, "agreeCount"),
                Docs.integer(page, "disagreeCount"), Docs.reviews(page, "reviews"), Docs.reviews(page, "reviewHistory"),
                page.getString(OPEN_DISPUTE_ID), producerResponse(page.get(PRODUCER_RESPONSE, Document.class)),
                Docs.hidden(page.get(HIDDEN, Document.class)));
    }

    private static ProducerResponseView producerResponse(Document response) {
        return response == null ? null : new ProducerResponseView(response.getString("producerOrg"),
                response.getString("authorId"), response.getString("text"), Docs.evidence(response, "evidence"),
                Docs.instant(response, "postedAt"));
    }
}
