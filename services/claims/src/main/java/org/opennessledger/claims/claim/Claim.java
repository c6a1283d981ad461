package org.opennessledger.claims.claim;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.opennessledger.claims.Actors;
import org.opennessledger.claims.policy.ConsensusPolicy;
import org.opennessledger.claims.policy.ConsensusPolicyProvider;
import org.opennessledger.contracts.claims.ClaimAccepted;
import org.opennessledger.contracts.claims.ClaimLocked;
import org.opennessledger.contracts.claims.ClaimProposed;
import org.opennessledger.contracts.claims.ClaimRejected;
import org.opennessledger.contracts.claims.ClaimReopened;
import org.opennessledger.contracts.claims.ClaimReviewed;
import org.opennessledger.contracts.claims.ClaimSuperseded;
import org.opennessledger.contracts.claims.ReviewClaim;
import org.opennessledger.contracts.claims.SupersedeClaim;
import org.opennessledger.contracts.errors.CommandRejected;
import org.opennessledger.contracts.values.Actor;
import org.opennessledger.contracts.values.ClaimStatus;
import org.opennessledger.contracts.values.ClaimTarget;
import org.opennessledger.contracts.values.Evidence;
import org.opennessledger.contracts.values.LedgerMetaData;
import org.opennessledger.contracts.values.Openness;
import org.opennessledger.contracts.values.Role;
import org.opennessledger.contracts.values.Verdict;

/**
 * One claim (id = claimId) and its reviews. Each review re-evaluates the consensus policy in force
 * at that moment; reaching ACCEPTED or REJECTED starts the lock period, after which reviews no
 * longer count. Created only by {@link org.opennessledger.claims.model.ModelFamily}, which checks
 * the target first.
 * <p>
 * The lock deadline's schedule id travels in the metadata of the ClaimAccepted / ClaimRejected
 * event that started it ({@link #LOCK_SCHEDULE_ID}), so a reloaded claim cancels exactly that
 * deadline; only a claim whose pending lock predates that metadata falls back to cancelling every
 * lock deadline in its scope. Either way {@link ClaimLockDue} guards against a stale deadline.
 */
// Snapshots serialize the aggregate's fields with Jackson, whatever the platform's visibility settings.
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE, setterVisibility = JsonAutoDetect.Visibility.NONE)
public class Claim {

    public static final String LOCK_DEADLINE = "claim-lock";
    /** Metadata key, on ClaimAccepted and ClaimRejected, of the schedule id of the lock deadline they started. */
    public static final String LOCK_SCHEDULE_ID = "lockScheduleId";
    public static final int MAX_REASON = 5000;

    @AggregateIdentifier
    private String claimId;
    private ClaimTarget target;
    private String authorId;
    private ClaimStatus status;
    private boolean locked;
    private String supersededBy;
    /** The active verdict of each reviewer. */
    private Map<String, Verdict> verdicts = new HashMap<>();
    /** How many status changes happened; ties a lock deadline to the change that scheduled it. */
    private int statusChanges;
    private String statusPolicyVersion;
    /** When the current status was reached (null in snapshots taken before it was recorded). */
    private Instant statusSince;
    /** Schedule id of the pending lock deadline; null when none is pending or when it was not recorded. */
    private String lockScheduleId;

    protected Claim() {
        // for event sourcing
    }

    /** Starts the claim's stream; the model family has validated every field. */
    public Claim(String claimId, ClaimTarget target, Openness openness, String licence, List<Evidence> evidence,
                 String rationale, String authorId, String policyVersion) {
        apply(new ClaimProposed(claimId, target, openness, licence, evidence, rationale, authorId, policyVersion));
    }

    @CommandHandler
    public void handle(ReviewClaim command, MetaData metaData, ConsensusPolicyProvider policies,
                       DeadlineManager deadlines) {
        Actor reviewer = Actors.requireRole(metaData, "reviewing a claim", Role.REVIEWER);
        if (reviewer.subject().equals(authorId)) {
            throw CommandRejected.forbidden("the author of claim " + claimId + " cannot review it");
        }
        if (status == ClaimStatus.SUPERSEDED) {
            throw CommandRejected.conflict("claim " + claimId + " was superseded by claim " + supersededBy
                    + " and takes no more reviews");
        }
        if (locked) {
            throw CommandRejected.conflict("claim " + claimId + " is locked as " + status
                    + "; its lock period has passed and reviews no longer count");
        }
        Verdict verdict = command.verdict();
        if (verdict == null) {
            throw CommandRejected.invalid("verdict is required (agree or disagree)");
        }
        String reason = command.reason() == null || command.reason().isBlank() ? null : command.reason().strip();
        if (verdict == Verdict.DISAGREE && reason == null) {
            throw CommandRejected.invalid("disagreeing needs a reason");
        }
        if (reason != null && reason.length() > MAX_REASON) {
            throw CommandRejected.invalid("reason is longer than " + MAX_REASON + " characters (" + reason.length() + ")");
        }

        Verdict previous = verdicts.get(reviewer.subject());
        int agree = count(Verdict.AGREE) + (verdict == Verdict.AGREE ? 1 : 0) - (previous == Verdict.AGREE ? 1 : 0);
        int disagree = count(Verdict.DISAGREE) + (verdict == Verdict.DISAGREE ? 1 : 0)
                - (previous == Verdict.DISAGREE ? 1 : 0);
        apply(new ClaimReviewed(claimId, reviewer.subject(), verdict, reason, previous, agree, disagree));

        ConsensusPolicy policy = policies.current();
        ClaimStatus before = status;
        ClaimStatus after = policy.evaluate(agree, disagree);
        if (after == before) {
            return;
        }
        // A new status restarts the lock period; a reopened claim has none. The deadline manager
        // acts when the unit of work commits, so the cancel and the schedule only happen with the event.
        cancelPendingLock(deadlines);
        MetaData lock = MetaData.emptyInstance();
        if (after == ClaimStatus.ACCEPTED || after == ClaimStatus.REJECTED) {
            String scheduleId = deadlines.schedule(policy.lockAfter(), LOCK_DEADLINE,
                    new ClaimLockDue(after, statusChanges + 1, policy.lockAfter()));
            lock = MetaData.with(LOCK_SCHEDULE_ID, scheduleId);
        }
        switch (after) {
            case ACCEPTED -> apply(new ClaimAccepted(claimId, target, policy.version(), agree, disagree), lock);
            case REJECTED -> apply(new ClaimRejected(claimId, target, policy.version(), agree, disagree,
                    before == ClaimStatus.ACCEPTED), lock);
            case PROPOSED -> apply(new ClaimReopened(claimId, target, policy.version(), before, agree, disagree));
            default -> throw new IllegalStateException("a policy does not produce " + after);
        }
    }

    @CommandHandler
    public void handle(SupersedeClaim command, MetaData metaData, DeadlineManager deadlines) {
        Actors.requireRole(metaData, "superseding a claim", Role.SYSTEM);
        String by = command.supersededBy();
        if (by == null || by.isBlank()) {
            throw CommandRejected.invalid("supersededBy is required");
        }
        if (by.equals(claimId)) {
            throw CommandRejected.invalid("claim " + claimId + " cannot supersede itself");
        }
        if (status != ClaimStatus.ACCEPTED) {
            // Already superseded (a redelivered command), or no longer accepted: reopened or rejected
            // since the newer claim was accepted. Only an accepted claim is replaced.
            return;
        }
        cancelPendingLock(deadlines);
        apply(new ClaimSuperseded(claimId, target, by, "superseded by accepted claim " + by));
    }

    /**
     * Locks the status the deadline was scheduled for, unless the claim moved on since. The lock is
     * the platform's act, not a reviewer's: the event names the platform, why, and a correlation id
     * of its own (explicit metadata wins over whatever correlation data the deadline message carries).
     */
    @DeadlineHandler(deadlineName = LOCK_DEADLINE)
    public void onLockDue(ClaimLockDue due) {
        if (!locked && status == due.status() && statusChanges == due.statusChange()) {
            String reachedAt = statusSince == null ? "an unrecorded time" : statusSince.toString();
            String period = due.lockAfter() == null ? "" : " (" + isoPeriod(due.lockAfter()) + ")";
            String reason = "status " + status + " reached at " + reachedAt
                    + " locked after the lock period of policy " + statusPolicyVersion + period;
            apply(new ClaimLocked(claimId, target, status, statusPolicyVersion), MetaData.from(Map.of(
                    LedgerMetaData.ACTOR_ID, Actor.SYSTEM.subject(),
                    LedgerMetaData.ACTOR_ROLES, Actor.SYSTEM.rolesAsString(),
                    LedgerMetaData.REASON, reason,
                    LedgerMetaData.CORRELATION_ID, UUID.randomUUID().toString())));
        }
    }

    /** Cancels the pending lock deadline, by its schedule id when known (no scan of pending deadlines). */
    private void cancelPendingLock(DeadlineManager deadlines) {
        if (locked || !(status == ClaimStatus.ACCEPTED || status == ClaimStatus.REJECTED)) {
            return; // no lock is pending
        }
        if (lockScheduleId != null) {
            deadlines.cancelSchedule(LOCK_DEADLINE, lockScheduleId);
        } else {
            // scheduled before its id was recorded in the status event
            deadlines.cancelAllWithinScope(LOCK_DEADLINE);
        }
    }

    @EventSourcingHandler
    void on(ClaimProposed event) {
        claimId = event.claimId();
        target = event.target();
        authorId = event.authorId();
        status = ClaimStatus.PROPOSED;
        statusPolicyVersion = event.policyVersion();
    }

    @EventSourcingHandler
    void on(ClaimReviewed event) {
        verdicts.put(event.reviewerId(), event.verdict());
    }

    @EventSourcingHandler
    void on(ClaimAccepted event, MetaData metaData, @Timestamp Instant at) {
        changeStatus(ClaimStatus.ACCEPTED, event.policyVersion(), at, scheduleId(metaData));
    }

    @EventSourcingHandler
    void on(ClaimRejected event, MetaData metaData, @Timestamp Instant at) {
        changeStatus(ClaimStatus.REJECTED, event.policyVersion(), at, scheduleId(metaData));
    }

    @EventSourcingHandler
    void on(ClaimReopened event, @Timestamp Instant at) {
        changeStatus(ClaimStatus.PROPOSED, event.policyVersion(), at, null);
    }

    @EventSourcingHandler
    void on(ClaimLocked event) {
        locked = true;
        lockScheduleId = null;
    }

    @EventSourcingHandler
    void on(ClaimSuperseded event) {
        status = ClaimStatus.SUPERSEDED;
        supersededBy = event.supersededBy();
        lockScheduleId = null;
    }

    private void changeStatus(ClaimStatus newStatus, String policyVersion, Instant at, String scheduleId) {
        status = newStatus;
        statusPolicyVersion = policyVersion;
        statusSince = at;
        lockScheduleId = scheduleId;
        statusChanges++;
    }

    private static String scheduleId(MetaData metaData) {
        return metaData.get(LOCK_SCHEDULE_ID) instanceof String id && !id.isBlank() ? id : null;
    }

    /** A lock period as ISO-8601, in days when it is whole days ("P14D"), else as Duration prints it ("PT3S"). */
    static String isoPeriod(Duration period) {
        return period.getNano() == 0 && period.getSeconds() % 86_400 == 0
                ? "P" + period.toDays() + "D"
                : period.toString();
    }

    private int count(Verdict verdict) {
        return (int) verdicts.values().stream().filter(v -> v == verdict).count();
    }
}
