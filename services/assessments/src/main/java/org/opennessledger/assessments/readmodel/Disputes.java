package org.opennessledger.assessments.readmodel;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.bson.Document;
import org.opennessledger.contracts.disputes.AppealWindowClosed;
import org.opennessledger.contracts.disputes.DisputeAppealed;
import org.opennessledger.contracts.disputes.DisputeOpened;
import org.opennessledger.contracts.disputes.DisputeResolved;
import org.opennessledger.contracts.disputes.DisputeStage;
import org.opennessledger.contracts.disputes.DisputeState;
import org.opennessledger.contracts.disputes.DisputeTaken;
import org.opennessledger.contracts.views.DisputeView;
import org.opennessledger.contracts.views.ModerationQueueItemView;

/**
 * The disputes: one document per dispute ({@code _id} = dispute id) with its whole course, and
 * {@code stateSince}, when it entered its current state, for the moderation queue. Every change
 * is a step of a state machine, so each is applied at most once per event id.
 */
public final class Disputes {

    /** The states that wait for a moderator, in the order the queue's filter names them. */
    public static final List<String> QUEUE_STATES =
            List.of(DisputeState.OPEN.name(), DisputeState.TAKEN.name(), DisputeState.APPEALED.name());

    static final int SUMMARY_REASON_LENGTH = 120;

    private static final String STATE = "state";
    private static final String STATE_SINCE = "stateSince";
    private static final String DECISIONS = "decisions";

    private final MongoCollection<Document> collection;

    Disputes(MongoCollection<Document> collection) {
        this.collection = collection;
    }

    public DisputeView opened(DisputeOpened event, EventContext context) {
        return DocumentUpdates.update(collection, event.disputeId(), () -> newDispute(event, context),
                        context.eventId(), dispute -> { })
                .map(Disputes::toView)
                .orElseThrow();
    }

    /** A moderator owns it now. At the appeal stage it stays APPEALED, with an owner. */
    public Optional<DisputeView> taken(DisputeTaken event, EventContext context) {
        return change(event.disputeId(), context, dispute -> {
            dispute.append("ownerId", event.moderatorId()).append("ownedSince", Docs.date(context.timestamp()));
            if (event.stage() != DisputeStage.APPEAL) {
                enter(dispute, DisputeState.TAKEN, context);
            }
        });
    }

    /** A decision: the first opens the appeal window, the one on appeal closes the dispute. Nobody owns it after. */
    public Optional<DisputeView> resolved(DisputeResolved event, EventContext context) {
        return change(event.disputeId(), context, dispute -> {
            List<Document> decisions = Docs.documents(dispute, DECISIONS);
            decisions.add(new Document("stage", event.stage() == null ? null : event.stage().name())
                    .append("decision", event.decision() == null ? null : event.decision().id())
                    .append("rationale", event.rationale())
                    .append("moderatorId", event.moderatorId())
                    .append("at", Docs.date(context.timestamp()))
                    .append("finalDecision", event.finalDecision()));
            dispute.append(DECISIONS, decisions).append("ownerId", null).append("ownedSince", null);
            if (event.finalDecision() || event.stage() == DisputeStage.APPEAL) {
                close(dispute, context);
            } else {
                dispute.append("appealableUntil", Docs.date(event.appealableUntil()));
                enter(dispute, DisputeState.DECIDED, context);
            }
        });
    }

    /** Back to the queue, for a moderator other than the first. */
    public Optional<DisputeView> appealed(DisputeAppealed event, EventContext context) {
        return change(event.disputeId(), context, dispute -> {
            dispute.append("appeal", new Document("appellantId", event.appellantId())
                            .append("reason", event.reason())
                            .append("at", Docs.date(context.timestamp())))
                    .append("stage", DisputeStage.APPEAL.name())
                    .append("ownerId", null)
                    .append("ownedSince", null);
            enter(dispute, DisputeState.APPEALED, context);
        });
    }

    /** Nobody appealed in time: the last decision is final. */
    public Optional<DisputeView> appealWindowClosed(AppealWindowClosed event, EventContext context) {
        return change(event.disputeId(), context, dispute -> {
            List<Document> decisions = Docs.documents(dispute, DECISIONS);
            if (!decisions.isEmpty()) {
                decisions.set(decisions.size() - 1, new Document(decisions.get(decisions.size() - 1))
                        .append("finalDecision", true));
            }
            dispute.append(DECISIONS, decisions).append("ownerId", null).append("ownedSince", null);
            close(dispute, context);
        });
    }

    public Optional<DisputeView> find(String disputeId) {
        if (disputeId == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(collection.find(eq(DocumentUpdates.ID, disputeId)).first()).map(Disputes::toView);
    }

    /** The disputes with these ids, in the order given (unknown ids are left out). */
    public List<DisputeView> findAll(List<String> disputeIds) {
        if (disputeIds.isEmpty()) {
            return List.of();
        }
        Map<String, Document> found = new HashMap<>();
        collection.find(in(DocumentUpdates.ID, disputeIds)).forEach(d -> found.put(d.getString(DocumentUpdates.ID), d));
        return disputeIds.stream().distinct().filter(found::containsKey).map(id -> toView(found.get(id))).toList();
    }

    /**
     * Disputes waiting for a moderator, oldest first; {@code state} (case-insensitive) narrows to one
     * of {@link #QUEUE_STATES}, null means all of them. Ages are measured up to {@code now}.
     *
     * @throws IllegalArgumentException when {@code state} is not a queue state
     */
    public List<ModerationQueueItemView> queue(String state, Instant now) {
        List<String> states = queueStates(state);
        List<ModerationQueueItemView> items = new ArrayList<>();
        // A scan with a filter: the queue is small, and a real MongoDB serves it from the {state, openedAt} index.
        collection.find(in(STATE, states)).sort(Sorts.ascending("openedAt", DocumentUpdates.ID))
                .forEach(dispute -> items.add(queueItem(dispute, now)));
        return items;
    }

    static List<String> queueStates(String state) {
        if (state == null) {
            return QUEUE_STATES;
        }
        String normalized = state.toUpperCase(Locale.ROOT);
        if (!QUEUE_STATES.contains(normalized)) {
            throw new IllegalArgumentException("unknown moderation queue state \"" + state
                    + "\": the queue holds disputes that are OPEN, TAKEN or APPEALED (give one of these, or none for all)");
        }
        return List.of(normalized);
    }

    /** Age counts from when the item started waiting: an appeal from the appeal, anything else from the opening. */
    private static ModerationQueueItemView queueItem(Document dispute, Instant now) {
        Instant openedAt = Docs.instant(dispute, "openedAt");
        Instant waitingSince = DisputeState.APPEALED.name().equals(dispute.getString(STATE))
                ? Docs.instant(dispute, STATE_SINCE) : openedAt;
        long ageSeconds = waitingSince == null ? 0L : Math.max(0L, Duration.between(waitingSince, now).getSeconds());
        String summary = "dispute of claim " + dispute.getString("claimId") + " (" + dispute.getString("disputedStatus")
                + "): " + OneLine.of(dispute.getString("reason"), SUMMARY_REASON_LENGTH);
        return new ModerationQueueItemView("dispute", dispute.getString(DocumentUpdates.ID), dispute.getString("claimId"),
                dispute.getString("modelId"), dispute.getString(STATE), dispute.getString("ownerId"), openedAt,
                Docs.instant(dispute, STATE_SINCE), ageSeconds, summary);
    }

    private Optional<DisputeView> change(String disputeId, EventContext context, Consumer<Document> change) {
        return DocumentUpdates.update(collection, disputeId, null, context.eventId(), change).map(Disputes::toView);
    }

    /** Moves to {@code state}; the time it was entered changes only when the state does (a takeover keeps it). */
    private static void enter(Document dispute, DisputeState state, EventContext context) {
        if (!state.name().equals(dispute.getString(STATE))) {
            dispute.append(STATE, state.name()).append(STATE_SINCE, Docs.date(context.timestamp()));
        }
    }

    private static void close(Document dispute, EventContext context) {
        enter(dispute, DisputeState.CLOSED, context);
        dispute.append("closed", true);
    }

    private static Document newDispute(DisputeOpened event, EventContext context) {
        return new Document("claimId", event.claimId())
                .append("modelId", event.target() == null ? null : event.target().modelId())
                .append("releaseId", event.target() == null ? null : event.target().releaseId())
                .append("component", event.target() == null ? null : event.target().component().id())
                .append(STATE, DisputeState.OPEN.name())
                .append(STATE_SINCE, Docs.date(context.timestamp()))
                .append("stage", DisputeStage.FIRST.name())
                .append("disputedStatus", event.disputedStatus() == null ? null : event.disputedStatus().name())
                .append("disputerId", event.disputerId())
                .append("reason", event.reason())
                .append("evidence", Docs.evidenceDocuments(event.evidence()))
                .append("openedAt", Docs.date(context.timestamp()))
                .append("ownerId", null)
                .append("ownedSince", null)
                .append(DECISIONS, List.of())
                .append("appeal", null)
                .append("appealableUntil", null)
                .append("closed", false);
    }

    private static DisputeView toView(Document dispute) {
        List<DisputeView.Decision> decisions = Docs.documents(dispute, DECISIONS).stream()
                .map(d -> new DisputeView.Decision(d.getString("stage"), d.getString("decision"),
                        d.getString("rationale"), d.getString("moderatorId"), Docs.instant(d, "at"),
                        Docs.bool(d, "finalDecision")))
                .toList();
        Document appeal = dispute.get("appeal", Document.class);
        return new DisputeView(dispute.getString(DocumentUpdates.ID), dispute.getString("claimId"),
                dispute.getString("modelId"), dispute.getString("releaseId"), dispute.getString("component"),
                dispute.getString(STATE), dispute.getString("disputedStatus"), dispute.getString("disputerId"),
                dispute.getString("reason"), Docs.evidence(dispute, "evidence"), Docs.instant(dispute, "openedAt"),
                dispute.getString("ownerId"), Docs.instant(dispute, "ownedSince"), decisions,
                appeal == null ? null : new DisputeView.Appeal(appeal.getString("appellantId"),
                        appeal.getString("reason"), Docs.instant(appeal, "at")),
                Docs.instant(dispute, "appealableUntil"), Docs.bool(dispute, "closed"));
    }
}
