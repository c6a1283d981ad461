package org.opennessledger.claims.claim;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
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
import org.opennessledger.contracts.values.Openness;
import org.opennessledger.contracts.values.Role;
import org.opennessledger.contracts.values.Verdict;

/**
 * One claim (id = claimId) and its reviews. Each review re-evaluates the consensus policy in force
 * at that moment; reaching ACCEPTED or REJECTED starts the lock period, after which reviews no
 * longer count. Created only by {@link org.opennessledger.claims.model.ModelFamily}, which checks
 * the target first.
 */
// Snapshots serialize the aggregate's fields with Jackson, whatever the platform's visibility settings.
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE, setterVisibility = JsonAutoDetect.Visibility.NONE)
public class Claim {

    public static final String LOCK_DEADLINE = "claim-lock";
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
        switch (after) {
            case ACCEPTED -> apply(new ClaimAccepted(claimId, target, policy.version(), agree, disagree));
            case REJECTED -> apply(new ClaimRejected(claimId, target, policy.version(), agree, disagree,
                    before == ClaimStatus.ACCEPTED));
            case PROPOSED -> apply(new ClaimReopened(claimId, target, policy.version(), before, agree, disagree));
            default -> throw new IllegalStateException("a policy does not produce " + after);
        }
        // A new status restarts the lock period; a reopened claim has none.
        deadlines.cancelAllWithinScope(LOCK_DEADLINE);
        if (after == ClaimStatus.ACCEPTED || after == ClaimStatus.REJECTED) {
            deadlines.schedule(policy.lockAfter(), LOCK_DEADLINE, new ClaimLockDue(after, statusChanges));
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
        if (status == ClaimStatus.SUPERSEDED) {
            return; // already superseded: a redelivered command changes nothing
        }
        apply(new ClaimSuperseded(claimId, target, by, "superseded by accepted claim " + by));
        deadlines.cancelAllWithinScope(LOCK_DEADLINE);
    }

    @DeadlineHandler(deadlineName = LOCK_DEADLINE)
    public void onLockDue(ClaimLockDue due) {
        if (!locked && status == due.status() && statusChanges == due.statusChange()) {
            apply(new ClaimLocked(claimId, target, status, statusPolicyVersion));
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
    void on(ClaimAccepted event) {
        changeStatus(ClaimStatus.ACCEPTED, event.policyVersion());
    }

    @EventSourcingHandler
    void on(ClaimRejected event) {
        changeStatus(ClaimStatus.REJECTED, event.policyVersion());
    }

    @EventSourcingHandler
    void on(ClaimReopened event) {
        changeStatus(ClaimStatus.PROPOSED, event.policyVersion());
    }

    @EventSourcingHandler
    void on(ClaimLocked event) {
        locked = true;
    }

    @EventSourcingHandler
    void on(ClaimSuperseded event) {
        status = ClaimStatus.SUPERSEDED;
        supersededBy = event.supersededBy();
    }

    private void changeStatus(ClaimStatus newStatus, String policyVersion) {
        status = newStatus;
        statusPolicyVersion = policyVersion;
        statusChanges++;
    }

    private int count(Verdict verdict) {
        return (int) verdicts.values().stream().filter(v -> v == verdict).count();
    }
}
