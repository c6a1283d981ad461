package org.opennessledger.claims.dispute;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.opennessledger.claims.Actors;
import org.opennessledger.claims.CommandChecks;
import org.opennessledger.contracts.disputes.AppealDispute;
import org.opennessledger.contracts.disputes.AppealWindowClosed;
import org.opennessledger.contracts.disputes.DisputeAppealed;
import org.opennessledger.contracts.disputes.DisputeDecision;
import org.opennessledger.contracts.disputes.DisputeOpened;
import org.opennessledger.contracts.disputes.DisputeResolved;
import org.opennessledger.contracts.disputes.DisputeStage;
import org.opennessledger.contracts.disputes.DisputeState;
import org.opennessledger.contracts.disputes.DisputeTaken;
import org.opennessledger.contracts.disputes.ResolveDispute;
import org.opennessledger.contracts.disputes.TakeDispute;
import org.opennessledger.contracts.errors.CommandRejected;
import org.opennessledger.contracts.values.Actor;
import org.opennessledger.contracts.values.ClaimTarget;
import org.opennessledger.contracts.values.LedgerMetaData;
import org.opennessledger.contracts.values.Role;

/**
 * A dispute about one claim's status (id = disputeId), opened by the {@link org.opennessledger.claims.claim.Claim}
 * with everyone involved in the claim, none of whom may take or decide it. One moderator owns it at a
 * time; the first-stage decision may be appealed once, within the appeal window, by the claim's author
 * or the disputer, and the appeal is decided for good by a different moderator. Without an appeal the
 * window's persistent deadline makes the first decision final ({@link AppealWindowClosed}).
 * <p>
 * The dispute only records decisions; the dispute process applies them to the claim.
 */
// Snapshots serialize the aggregate's fields with Jackson, whatever the platform's visibility settings.
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE, setterVisibility = JsonAutoDetect.Visibility.NONE)
public class Dispute {

    public static final String APPEAL_WINDOW_DEADLINE = "dispute-appeal-window";
    /** Metadata key, on a first-stage DisputeResolved, of the schedule id of the appeal-window deadline it started. */
    public static final String APPEAL_WINDOW_SCHEDULE_ID = "appealWindowScheduleId";
    public static final int MAX_RATIONALE = 10000;
    public static final int MAX_APPEAL_REASON = 5000;

    @AggregateIdentifier
    private String disputeId;
    private String claimId;
    private ClaimTarget target;
    private String claimAuthorId;
    private String disputerId;
    private Set<String> claimReviewerIds = new HashSet<>();
    private DisputeState state;
    private DisputeStage stage;
    /** The moderator who owns the dispute now; null when nobody does (open, decided, appealed and not yet taken). */
    private String ownerId;
    /** The latest decision. */
    private DisputeDecision decision;
    private String firstModeratorId;
    private Instant appealableUntil;
    private String appealWindowScheduleId;
    private String appellantId;

    protected Dispute() {
        // for event sourcing
    }

    /** Starts the dispute's stream; the claim has checked every rule and field. */
    public Dispute(DisputeOpened opened) {
        apply(opened);
    }

    @CommandHandler
    public void handle(TakeDispute command, MetaData metaData) {
        Actor moderator = Actors.requireRole(metaData, "taking a dispute", Role.MODERATOR);
        requireUninvolved(moderator, "take");
        if (state == DisputeState.DECIDED) {
            throw CommandRejected.conflict("dispute " + disputeId + " is decided and may be appealed until "
                    + appealableUntil + "; there is nothing to take");
        }
        if (state == DisputeState.CLOSED) {
            throw CommandRejected.conflict("dispute " + disputeId + " is closed; there is nothing to take");
        }
        requireNotFirstModeratorOfAppeal(moderator);
        if (moderator.subject().equals(ownerId)) {
            return; // already theirs: taking it again changes nothing
        }
        if (ownerId != null && !command.takeOver()) {
            throw CommandRejected.conflict("dispute " + disputeId + " is owned by moderator " + ownerId
                    + "; taking it from them must be explicit (takeOver)");
        }
        apply(new DisputeTaken(disputeId, claimId, moderator.subject(), ownerId, stage));
    }

    /**
     * Decides the dispute. A first-stage decision opens the appeal window, closed by a persistent
     * deadline whose schedule id travels in the event's metadata so an appeal cancels exactly that one.
     */
    @CommandHandler
    public void handle(ResolveDispute command, MetaData metaData, AppealWindow appealWindow,
                       DeadlineManager deadlines) {
        Actor moderator = Actors.requireRole(metaData, "deciding a dispute", Role.MODERATOR);
        if (state == DisputeState.DECIDED) {
            throw CommandRejected.conflict("dispute " + disputeId + " is already decided and may be appealed until "
                    + appealableUntil);
        }
        if (state == DisputeState.CLOSED) {
            throw CommandRejected.conflict("dispute " + disputeId + " is closed; it was decided for good");
        }
        if (!moderator.subject().equals(ownerId)) {
            String owner = ownerId == null ? "nobody owns it" : "moderator " + ownerId + " owns it";
            throw CommandRejected.forbidden("moderator " + moderator.subject() + " does not own dispute " + disputeId
                    + " (" + owner + "); take the dispute first");
        }
        requireUninvolved(moderator, "decide");
        requireNotFirstModeratorOfAppeal(moderator);
        String rationale = CommandChecks.text(command.rationale(), "rationale", 1, MAX_RATIONALE);
        DisputeDecision ruling = CommandChecks.required(command.decision(), "decision (uphold or overturn)");

        if (stage == DisputeStage.APPEAL) {
            apply(new DisputeResolved(disputeId, claimId, target, stage, ruling, rationale, moderator.subject(),
                    true, null));
            return;
        }
        Instant until = GenericEventMessage.clock.instant().plus(appealWindow.length());
        String scheduleId = deadlines.schedule(until, APPEAL_WINDOW_DEADLINE, new AppealWindowDue(until));
        apply(new DisputeResolved(disputeId, claimId, target, stage, ruling, rationale, moderator.subject(),
                false, until), MetaData.with(APPEAL_WINDOW_SCHEDULE_ID, scheduleId));
    }

    @CommandHandler
    public void handle(AppealDispute command, MetaData metaData, DeadlineManager deadlines) {
        Actor appellant = Actors.requireRole(metaData, "appealing a dispute decision", Role.REVIEWER);
        if (!appellant.subject().equals(claimAuthorId) && !appellant.subject().equals(disputerId)) {
            throw CommandRejected.forbidden("only the author of claim " + claimId + " or the disputer may appeal dispute "
                    + disputeId);
        }
        if (appellantId != null) {
            throw CommandRejected.conflict("dispute " + disputeId + " can be appealed once and was appealed by "
                    + appellantId);
        }
        if (state == DisputeState.OPEN || state == DisputeState.TAKEN) {
            throw CommandRejected.conflict("dispute " + disputeId
                    + " has not been decided yet; only a first-stage decision can be appealed");
        }
        // CLOSED without an appeal: the window closed. DECIDED past the window: its deadline has not fired yet.
        if (state != DisputeState.DECIDED || !GenericEventMessage.clock.instant().isBefore(appealableUntil)) {
            throw CommandRejected.conflict("the appeal window of dispute " + disputeId + " closed at "
                    + appealableUntil);
        }
        String reason = CommandChecks.text(command.reason(), "reason", 1, MAX_APPEAL_REASON);
        if (appealWindowScheduleId != null) {
            deadlines.cancelSchedule(APPEAL_WINDOW_DEADLINE, appealWindowScheduleId);
        } else {
            deadlines.cancelAllWithinScope(APPEAL_WINDOW_DEADLINE);
        }
        apply(new DisputeAppealed(disputeId, claimId, appellant.subject(), reason, firstModeratorId));
    }

    /**
     * Makes the first-stage decision final when nobody appealed in time. The platform acts here, not
     * the moderator whose command scheduled the deadline: the event names the platform, why, and a
     * correlation id of its own.
     */
    @DeadlineHandler(deadlineName = APPEAL_WINDOW_DEADLINE)
    public void onAppealWindowDue(AppealWindowDue due) {
        if (state != DisputeState.DECIDED) {
            return; // appealed meanwhile (a cancel that raced or was lost)
        }
        apply(new AppealWindowClosed(disputeId, claimId, target, decision), MetaData.from(Map.of(
                LedgerMetaData.ACTOR_ID, Actor.SYSTEM.subject(),
                LedgerMetaData.ACTOR_ROLES, Actor.SYSTEM.rolesAsString(),
                LedgerMetaData.REASON, "appeal window of dispute " + disputeId + " closed at " + appealableUntil,
                LedgerMetaData.CORRELATION_ID, UUID.randomUUID().toString())));
    }

    /** Whoever authored, reviewed or disputed the claim may neither take nor decide its dispute. */
    private void requireUninvolved(Actor moderator, String action) {
        String subject = moderator.subject();
        if (subject.equals(claimAuthorId) || subject.equals(disputerId) || claimReviewerIds.contains(subject)) {
            throw CommandRejected.forbidden("moderator " + subject + " is involved with claim " + claimId
                    + " (authored, reviewed or disputed it) and cannot " + action + " dispute " + disputeId);
        }
    }

    /** An appeal is heard by someone other than the moderator who decided first. */
    private void requireNotFirstModeratorOfAppeal(Actor moderator) {
        if (stage == DisputeStage.APPEAL && moderator.subject().equals(firstModeratorId)) {
            throw CommandRejected.forbidden("moderator " + moderator.subject() + " decided dispute " + disputeId
                    + " at the first stage; its appeal needs a different moderator");
        }
    }

    @EventSourcingHandler
    void on(DisputeOpened event) {
        disputeId = event.disputeId();
        claimId = event.claimId();
        target = event.target();
        claimAuthorId = event.claimAuthorId();
        disputerId = event.disputerId();
        claimReviewerIds = new HashSet<>(event.claimReviewerIds());
        state = DisputeState.OPEN;
        stage = DisputeStage.FIRST;
    }

    @EventSourcingHandler
    void on(DisputeTaken event) {
        ownerId = event.moderatorId();
        if (stage == DisputeStage.FIRST) {
            state = DisputeState.TAKEN;
        }
        // at the appeal stage the dispute stays APPEALED, now with an owner
    }

    @EventSourcingHandler
    void on(DisputeResolved event, MetaData metaData) {
        decision = event.decision();
        ownerId = null;
        if (event.finalDecision()) {
            state = DisputeState.CLOSED;
            appealableUntil = null;
            appealWindowScheduleId = null;
        } else {
            state = DisputeState.DECIDED;
            firstModeratorId = event.moderatorId();
            appealableUntil = event.appealableUntil();
            appealWindowScheduleId = metaData.get(APPEAL_WINDOW_SCHEDULE_ID) instanceof String id && !id.isBlank()
                    ? id : null;
        }
    }

    @EventSourcingHandler
    void on(DisputeAppealed event) {
        state = DisputeState.APPEALED;
        stage = DisputeStage.APPEAL;
        appellantId = event.appellantId();
        ownerId = null;
        appealWindowScheduleId = null;
        // appealableUntil stays: the window it was appealed within
    }

    @EventSourcingHandler
    void on(AppealWindowClosed event) {
        state = DisputeState.CLOSED;
        appealWindowScheduleId = null;
    }
}
