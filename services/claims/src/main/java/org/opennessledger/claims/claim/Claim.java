package org.opennessledger.claims.claim;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.createNew;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.opennessledger.claims.Actors;
import org.opennessledger.claims.CommandChecks;
import org.opennessledger.claims.debate.ArgumentThreads;
import org.opennessledger.claims.debate.ArgumentThreads.ThreadArgument;
import org.opennessledger.claims.dispute.Dispute;
import org.opennessledger.claims.policy.ConsensusPolicy;
import org.opennessledger.claims.policy.ConsensusPolicyProvider;
import org.opennessledger.contracts.claims.ClaimAccepted;
import org.opennessledger.contracts.claims.ClaimLocked;
import org.opennessledger.contracts.claims.ClaimProposed;
import org.opennessledger.contracts.claims.ClaimRejected;
import org.opennessledger.contracts.claims.ClaimReinstated;
import org.opennessledger.contracts.claims.ClaimReopened;
import org.opennessledger.contracts.claims.ClaimReviewed;
import org.opennessledger.contracts.claims.ClaimSuperseded;
import org.opennessledger.contracts.claims.ReinstateClaim;
import org.opennessledger.contracts.claims.ReviewClaim;
import org.opennessledger.contracts.claims.SupersedeClaim;
import org.opennessledger.contracts.debate.ArgumentEdited;
import org.opennessledger.contracts.debate.ArgumentPosted;
import org.opennessledger.contracts.debate.EditArgument;
import org.opennessledger.contracts.debate.PostArgument;
import org.opennessledger.contracts.debate.PostProducerResponse;
import org.opennessledger.contracts.debate.ProducerResponsePosted;
import org.opennessledger.contracts.disputes.ApplyDisputeDecision;
import org.opennessledger.contracts.disputes.ClaimDisputeSettled;
import org.opennessledger.contracts.disputes.ClaimDisputed;
import org.opennessledger.contracts.disputes.DisputeClaim;
import org.opennessledger.contracts.disputes.DisputeDecision;
import org.opennessledger.contracts.disputes.DisputeOpened;
import org.opennessledger.contracts.disputes.DisputeStage;
import org.opennessledger.contracts.errors.CommandRejected;
import org.opennessledger.contracts.moderation.ContentFlagged;
import org.opennessledger.contracts.moderation.ContentHidden;
import org.opennessledger.contracts.moderation.ContentUnhidden;
import org.opennessledger.contracts.moderation.DismissFlags;
import org.opennessledger.contracts.moderation.FlagContent;
import org.opennessledger.contracts.moderation.FlagReason;
import org.opennessledger.contracts.moderation.FlagsDismissed;
import org.opennessledger.contracts.moderation.HideContent;
import org.opennessledger.contracts.moderation.UnhideContent;
import org.opennessledger.contracts.values.Actor;
import org.opennessledger.contracts.values.ClaimStatus;
import org.opennessledger.contracts.values.ClaimTarget;
import org.opennessledger.contracts.values.Evidence;
import org.opennessledger.contracts.values.LedgerMetaData;
import org.opennessledger.contracts.values.Openness;
import org.opennessledger.contracts.values.Role;
import org.opennessledger.contracts.values.Stance;
import org.opennessledger.contracts.values.Verdict;

/**
 * One claim (id = claimId), its reviews and its debate. Each review re-evaluates the consensus policy
 * in force at that moment; reaching ACCEPTED or REJECTED starts the lock period, after which reviews
 * no longer count. Created only by {@link org.opennessledger.claims.model.ModelFamily}, which checks
 * the target first.
 * <p>
 * Arguments live here so that a reply's parent is checked where it is decided. A dispute is opened
 * here too ({@link Dispute} is created by the claim): while it is open the claim keeps its status,
 * takes no reviews and does not lock; its decisions come back as {@link ApplyDisputeDecision}, and
 * the final one locks the claim.
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
    public static final int MAX_ARGUMENT_TEXT = ArgumentThreads.MAX_TEXT;
    public static final int MAX_EVIDENCE = ArgumentThreads.MAX_EVIDENCE;
    public static final int MAX_MODERATION_TEXT = 2000;
    /** The item key of the claim itself among flagged or hidden items (argument ids are UUIDs). */
    static final String CLAIM_ITEM = "claim";

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
    /** The claim's debate by argument id: what deciding on replies and edits needs of each latest revision. */
    private Map<String, ThreadArgument> arguments = new HashMap<>();
    /** The claim's last dispute (a claim is disputed at most once: a final decision locks it); null if none. */
    private String disputeId;
    private boolean disputeOpen;
    /** The status the claim had when disputed: decisions are computed from it, so they apply idempotently. */
    private ClaimStatus disputedStatus;
    /** Sequence number of the last dispute event applied here; older or repeated ones are ignored. */
    private long disputeSettledSequence = -1;
    /** Hidden items: {@link #CLAIM_ITEM} for the claim itself, else argument ids. */
    private Set<String> hiddenItems = new HashSet<>();
    /** Open flags per item ({@link #CLAIM_ITEM} or an argument id): flagger subject to flag id. */
    private Map<String, Map<String, String>> openFlags = new HashMap<>();
    /** The producer the model was registered with (null on claims proposed before it was recorded). */
    private String modelProducer;
    private boolean producerResponded;

    protected Claim() {
        // for event sourcing
    }

    /** Starts the claim's stream; the model family has validated every field. */
    public Claim(String claimId, ClaimTarget target, Openness openness, String licence, List<Evidence> evidence,
                 String rationale, String authorId, String policyVersion, String modelProducer) {
        apply(new ClaimProposed(claimId, target, openness, licence, evidence, rationale, authorId, policyVersion,
                modelProducer));
    }

    /**
     * An imported fact: accepted under the import policy that brought it and final at once (reviews
     * cannot reopen it); a newer claim accepted by reviewers supersedes it like any other.
     */
    public Claim(ClaimProposed proposed, String importPolicy) {
        apply(proposed);
        apply(new ClaimAccepted(proposed.claimId(), proposed.target(), importPolicy, 0, 0));
        apply(new ClaimLocked(proposed.claimId(), proposed.target(), ClaimStatus.ACCEPTED, importPolicy),
                MetaData.with(LedgerMetaData.REASON, "imported under " + importPolicy
                        + ": final as imported; a newer accepted claim supersedes it"));
    }

    @CommandHandler
    public void handle(ReviewClaim command, MetaData metaData, ConsensusPolicyProvider policies,
                       DeadlineManager deadlines) {
        Actor reviewer = Actors.requireRole(metaData, "reviewing a claim", Role.REVIEWER);
        if (reviewer.subject().equals(authorId)) {
            throw CommandRejected.forbidden("the author of claim " + claimId + " cannot review it");
        }
        refuseOwnProducer(reviewer, "review");
        refuseWhileHidden("takes no reviews");
        if (status == ClaimStatus.SUPERSEDED) {
            throw CommandRejected.conflict("claim " + claimId + " was superseded by claim " + supersededBy
                    + " and takes no more reviews");
        }
        if (locked) {
            throw CommandRejected.conflict("claim " + claimId + " is locked as " + status
                    + "; its lock period has passed and reviews no longer count");
        }
        if (disputeOpen) {
            throw CommandRejected.conflict("claim " + claimId + " is under dispute " + disputeId
                    + "; it takes no reviews while the dispute is open");
        }
        Verdict verdict = command.verdict();
        if (verdict == null) {
            throw CommandRejected.invalid("verdict is required (agree or disagree)");
        }
        String reason = CommandChecks.reviewReason(verdict, command.reason(), MAX_REASON);

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
     * The claim that superseded this one lost its acceptance, so this one is the accepted claim again
     * (its family decided that). Only a claim superseded by exactly that claim is reinstated; any other
     * state means the command was already applied. Unless locked or under dispute, it gets a fresh
     * lock period under the current policy.
     */
    @CommandHandler
    public void handle(ReinstateClaim command, MetaData metaData, ConsensusPolicyProvider policies,
                       DeadlineManager deadlines) {
        Actors.requireRole(metaData, "reinstating a claim", Role.SYSTEM);
        String replaced = CommandChecks.required(command.replacedClaimId(), "replacedClaimId");
        if (status != ClaimStatus.SUPERSEDED || !replaced.equals(supersededBy)) {
            return;
        }
        MetaData lock = MetaData.emptyInstance();
        if (!locked && !disputeOpen) {
            ConsensusPolicy policy = policies.current();
            String scheduleId = deadlines.schedule(policy.lockAfter(), LOCK_DEADLINE,
                    new ClaimLockDue(ClaimStatus.ACCEPTED, statusChanges + 1, policy.lockAfter()));
            lock = MetaData.with(LOCK_SCHEDULE_ID, scheduleId);
        }
        apply(new ClaimReinstated(claimId, target, replaced, statusPolicyVersion), lock);
    }

    /**
     * The model producer's answer: one per claim, by a producer whose token names the organisation the
     * model was registered with, whatever the claim's status. Its text follows the argument rules.
     */
    @CommandHandler
    public void handle(PostProducerResponse command, MetaData metaData) {
        Actor producer = Actors.requireRole(metaData, "posting a producer response", Role.PRODUCER);
        if (producer.producerOrg() == null) {
            throw CommandRejected.forbidden("posting a producer response needs a token that names the producer "
                    + "organisation (attribute producer_org)");
        }
        if (modelProducer == null || !producer.speaksFor(modelProducer)) {
            throw CommandRejected.forbidden(producer.subject() + " speaks for " + producer.producerOrg()
                    + ", and claim " + claimId + " is about a model by "
                    + (modelProducer == null ? "a producer not recorded on it" : modelProducer));
        }
        if (producerResponded) {
            throw CommandRejected.conflict("claim " + claimId + " already has its producer response");
        }
        refuseWhileHidden("takes no producer response");
        String text = ArgumentThreads.text(command.text());
        List<Evidence> evidence = ArgumentThreads.evidence(command.evidence());
        apply(new ProducerResponsePosted(claimId, target, modelProducer, producer.subject(), text, evidence));
    }

    // --- flags and hiding: nothing is deleted; hidden content leaves public reads, not the log ---

    /** Anyone logged in may flag the claim or one of its arguments, once per item while their flag is open. */
    @CommandHandler
    public void handle(FlagContent command, MetaData metaData) {
        Actor flagger = Actors.from(metaData);
        String item = item(command.argumentId());
        String flagId = CommandChecks.uuid(command.flagId(), "flagId");
        FlagReason reason = CommandChecks.required(command.reason(),
                "reason (spam, abuse, off-topic, misleading, personal-data or other)");
        String text = CommandChecks.text(command.text(), "text", 1, MAX_MODERATION_TEXT);
        if (hiddenItems.contains(item)) {
            throw CommandRejected.conflict(describe(item) + " is already hidden by a moderator");
        }
        String open = openFlags.getOrDefault(item, Map.of()).get(flagger.subject());
        if (open != null) {
            throw CommandRejected.conflict("you already flagged " + describe(item) + " (flag " + open
                    + "), and a moderator has not looked at it yet");
        }
        apply(new ContentFlagged(claimId, target, command.argumentId(), flagId, flagger.subject(), reason, text));
    }

    /**
     * A moderator hides the claim or an argument, closing its open flags. An accepted claim is the
     * assessment and a disputed one awaits its decision: those go through disputes, not hiding.
     */
    @CommandHandler
    public void handle(HideContent command, MetaData metaData) {
        Actor moderator = Actors.requireRole(metaData, "hiding content", Role.MODERATOR);
        String item = item(command.argumentId());
        String reason = CommandChecks.text(command.reason(), "reason", 1, MAX_MODERATION_TEXT);
        if (hiddenItems.contains(item)) {
            throw CommandRejected.conflict(describe(item) + " is already hidden");
        }
        if (CLAIM_ITEM.equals(item) && status == ClaimStatus.ACCEPTED) {
            throw CommandRejected.conflict("claim " + claimId + " is ACCEPTED: it is the assessment; dispute it "
                    + "instead of hiding it");
        }
        if (CLAIM_ITEM.equals(item) && disputeOpen) {
            throw CommandRejected.conflict("claim " + claimId + " is under dispute " + disputeId
                    + "; decide the dispute before hiding the claim");
        }
        apply(new ContentHidden(claimId, target, command.argumentId(), moderator.subject(), reason,
                openFlagIds(item)));
    }

    @CommandHandler
    public void handle(UnhideContent command, MetaData metaData) {
        Actor moderator = Actors.requireRole(metaData, "unhiding content", Role.MODERATOR);
        String item = item(command.argumentId());
        String reason = CommandChecks.text(command.reason(), "reason", 1, MAX_MODERATION_TEXT);
        if (!hiddenItems.contains(item)) {
            throw CommandRejected.conflict(describe(item) + " is not hidden");
        }
        apply(new ContentUnhidden(claimId, target, command.argumentId(), moderator.subject(), reason));
    }

    @CommandHandler
    public void handle(DismissFlags command, MetaData metaData) {
        Actor moderator = Actors.requireRole(metaData, "dismissing flags", Role.MODERATOR);
        String item = item(command.argumentId());
        String reason = CommandChecks.text(command.reason(), "reason", 1, MAX_MODERATION_TEXT);
        List<String> flagIds = openFlagIds(item);
        if (flagIds.isEmpty()) {
            throw CommandRejected.conflict(describe(item) + " has no open flags");
        }
        apply(new FlagsDismissed(claimId, target, command.argumentId(), moderator.subject(), reason, flagIds));
    }

    /** The item an argument id names: the claim itself when null; an unknown argument is NOT_FOUND. */
    private String item(String argumentId) {
        if (argumentId == null) {
            return CLAIM_ITEM;
        }
        if (!arguments.containsKey(argumentId)) {
            throw CommandRejected.notFound("argument " + argumentId + " is not an argument of claim " + claimId);
        }
        return argumentId;
    }

    private String describe(String item) {
        return CLAIM_ITEM.equals(item) ? "claim " + claimId : "argument " + item;
    }

    private List<String> openFlagIds(String item) {
        return openFlags.getOrDefault(item, Map.of()).values().stream().sorted().toList();
    }

    private void refuseWhileHidden(String consequence) {
        if (hiddenItems.contains(CLAIM_ITEM)) {
            throw CommandRejected.conflict("claim " + claimId + " is hidden by a moderator and " + consequence);
        }
    }

    /** Producers do not judge claims about their own organisation's models; they answer them. */
    private void refuseOwnProducer(Actor actor, String action) {
        if (modelProducer != null && actor.speaksFor(modelProducer)) {
            throw CommandRejected.forbidden("a producer of " + modelProducer + " cannot " + action
                    + " claims about its models; post a producer response instead");
        }
    }

    /** A reviewer's argument, top-level or a reply; allowed whatever the claim's status. */
    @CommandHandler
    public void handle(PostArgument command, MetaData metaData) {
        Actor author = Actors.requireRole(metaData, "posting an argument", Role.REVIEWER);
        String parentId = command.parentArgumentId();
        String argumentId = ArgumentThreads.newArgumentId(arguments, command.argumentId(), parentId, "claim " + claimId);
        refuseWhileHidden("takes no new arguments");
        if (parentId != null && hiddenItems.contains(parentId)) {
            throw CommandRejected.conflict("argument " + parentId + " is hidden by a moderator and takes no replies");
        }
        Stance stance = CommandChecks.required(command.stance(), "stance (pro, con or question)");
        String text = ArgumentThreads.text(command.text());
        List<Evidence> evidence = ArgumentThreads.evidence(command.evidence());
        apply(new ArgumentPosted(claimId, argumentId, parentId, stance, text, evidence, author.subject()));
    }

    /** A new revision by the argument's author; every earlier revision stays in the stream. */
    @CommandHandler
    public void handle(EditArgument command, MetaData metaData) {
        Actor editor = Actors.requireRole(metaData, "editing an argument", Role.REVIEWER);
        String argumentId = command.argumentId();
        ThreadArgument argument = ArgumentThreads.editable(arguments, argumentId, editor, "claim " + claimId);
        if (hiddenItems.contains(argumentId)) {
            throw CommandRejected.conflict("argument " + argumentId + " is hidden by a moderator and cannot be edited");
        }
        String text = ArgumentThreads.text(command.text());
        List<Evidence> evidence = ArgumentThreads.evidence(command.evidence());
        ArgumentThreads.requireChange(argument, argumentId, text, evidence);
        apply(new ArgumentEdited(claimId, argumentId, argument.revision() + 1, text, evidence,
                argument.replies() > 0, editor.subject()));
    }

    /**
     * Opens a dispute: flags the claim and creates the {@link Dispute}, which carries everyone involved
     * with the claim (its author and every reviewer it ever had) since none of them may decide it. The
     * pending lock is cancelled: the dispute ends with a lock of its own.
     */
    @CommandHandler
    public void handle(DisputeClaim command, MetaData metaData, DeadlineManager deadlines) throws Exception {
        Actor disputer = Actors.requireRole(metaData, "disputing a claim", Role.REVIEWER);
        if (disputer.subject().equals(authorId)) {
            throw CommandRejected.forbidden("the author of claim " + claimId + " cannot dispute it");
        }
        refuseOwnProducer(disputer, "dispute");
        refuseWhileHidden("cannot be disputed");
        if (status != ClaimStatus.ACCEPTED && status != ClaimStatus.REJECTED) {
            throw CommandRejected.conflict("claim " + claimId + " is " + status
                    + "; only an ACCEPTED or REJECTED claim can be disputed");
        }
        if (locked) {
            throw CommandRejected.conflict("claim " + claimId + " is locked as " + status + " and can no longer be disputed");
        }
        if (disputeOpen) {
            throw CommandRejected.conflict("claim " + claimId + " is already under dispute " + disputeId);
        }
        String reason = CommandChecks.text(command.reason(), "reason", 1, MAX_REASON);
        List<Evidence> evidence = command.evidence();
        if (evidence.isEmpty()) {
            throw CommandRejected.invalid("a dispute needs at least one piece of evidence");
        }
        if (evidence.size() > MAX_EVIDENCE) {
            throw CommandRejected.invalid("a dispute has at most " + MAX_EVIDENCE + " pieces of evidence, got "
                    + evidence.size());
        }
        String newDisputeId = CommandChecks.uuid(command.disputeId(), "disputeId");

        cancelPendingLock(deadlines);
        DisputeOpened opened = new DisputeOpened(newDisputeId, claimId, target, status, disputer.subject(), reason,
                evidence, authorId, Set.copyOf(verdicts.keySet())); // a review is replaced, never removed: every reviewer ever
        apply(new ClaimDisputed(claimId, target, newDisputeId, disputer.subject(), status));
        createNew(Dispute.class, () -> new Dispute(opened));
    }

    /**
     * Takes a dispute decision into account. The status it implies is computed from the disputed status
     * (UPHOLD keeps it, OVERTURN flips ACCEPTED ⇄ REJECTED), so applying a decision again changes nothing;
     * a decision that is not newer than the last one applied, or about another dispute, is ignored. The
     * change is a ClaimAccepted / ClaimRejected like any other, so assessments and supersession follow,
     * but it schedules no lock: a final decision locks the claim at once.
     */
    @CommandHandler
    public void handle(ApplyDisputeDecision command, MetaData metaData, ConsensusPolicyProvider policies) {
        Actors.requireRole(metaData, "applying a dispute decision", Role.SYSTEM);
        String decidedDispute = CommandChecks.required(command.disputeId(), "disputeId");
        DisputeStage stage = CommandChecks.required(command.stage(), "stage");
        DisputeDecision decision = CommandChecks.required(command.decision(), "decision");
        long sequence = command.disputeSequence();
        if (sequence < 0) {
            throw CommandRejected.invalid("disputeSequence must be an event sequence number (0 or more), got "
                    + sequence);
        }
        if (!disputeOpen || !decidedDispute.equals(disputeId) || sequence <= disputeSettledSequence) {
            return; // a replayed or redelivered decision, or one about a dispute this claim no longer has open
        }
        ClaimStatus implied = decision == DisputeDecision.UPHOLD ? disputedStatus : opposite(disputedStatus);
        // A claim superseded meanwhile stays superseded: the newer accepted claim replaced it.
        if (status != ClaimStatus.SUPERSEDED && status != implied) {
            String policyVersion = policies.current().version();
            int agree = count(Verdict.AGREE);
            int disagree = count(Verdict.DISAGREE);
            if (implied == ClaimStatus.ACCEPTED) {
                apply(new ClaimAccepted(claimId, target, policyVersion, agree, disagree));
            } else {
                apply(new ClaimRejected(claimId, target, policyVersion, agree, disagree,
                        status == ClaimStatus.ACCEPTED));
            }
        }
        ClaimStatus after = status;
        apply(new ClaimDisputeSettled(claimId, target, decidedDispute, stage, decision, after,
                command.finalDecision(), sequence));
        if (command.finalDecision()) {
            // No lock deadline is pending (cancelled when the dispute opened); should one fire late, the
            // lock below makes it a no-op.
            apply(new ClaimLocked(claimId, target, after, statusPolicyVersion), MetaData.from(Map.of(
                    LedgerMetaData.ACTOR_ID, Actor.SYSTEM.subject(),
                    LedgerMetaData.ACTOR_ROLES, Actor.SYSTEM.rolesAsString(),
                    LedgerMetaData.REASON, "dispute " + decidedDispute + " decided for good")));
        }
    }

    /**
     * Locks the status the deadline was scheduled for, unless the claim moved on since. The lock is
     * the platform's act, not a reviewer's: the event names the platform, why, and a correlation id
     * of its own (explicit metadata wins over whatever correlation data the deadline message carries).
     */
    @DeadlineHandler(deadlineName = LOCK_DEADLINE)
    public void onLockDue(ClaimLockDue due) {
        // A disputed claim does not lock by time: its dispute's final decision locks it.
        if (!locked && !disputeOpen && status == due.status() && statusChanges == due.statusChange()) {
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
        if (disputeId != null) {
            return; // cancelled when the dispute opened; status changes since scheduled none
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
        modelProducer = event.modelProducer();
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
    void on(ClaimReinstated event, MetaData metaData, @Timestamp Instant at) {
        supersededBy = null;
        changeStatus(ClaimStatus.ACCEPTED, event.policyVersion(), at, scheduleId(metaData));
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

    @EventSourcingHandler
    void on(ContentFlagged event) {
        openFlags.computeIfAbsent(itemKey(event.argumentId()), key -> new HashMap<>())
                .put(event.flaggerId(), event.flagId());
    }

    @EventSourcingHandler
    void on(ContentHidden event) {
        String item = itemKey(event.argumentId());
        hiddenItems.add(item);
        openFlags.remove(item);
    }

    @EventSourcingHandler
    void on(ContentUnhidden event) {
        hiddenItems.remove(itemKey(event.argumentId()));
    }

    @EventSourcingHandler
    void on(FlagsDismissed event) {
        openFlags.remove(itemKey(event.argumentId()));
    }

    private static String itemKey(String argumentId) {
        return argumentId == null ? CLAIM_ITEM : argumentId;
    }

    @EventSourcingHandler
    void on(ProducerResponsePosted event) {
        producerResponded = true;
    }

    @EventSourcingHandler
    void on(ArgumentPosted event) {
        ArgumentThreads.posted(arguments, event.argumentId(), event.parentArgumentId(), event.authorId(), event.text(),
                event.evidence());
    }

    @EventSourcingHandler
    void on(ArgumentEdited event) {
        ArgumentThreads.edited(arguments, event.argumentId(), event.revision(), event.text(), event.evidence());
    }

    @EventSourcingHandler
    void on(ClaimDisputed event) {
        disputeId = event.disputeId();
        disputeOpen = true;
        disputedStatus = event.disputedStatus();
        disputeSettledSequence = -1;
        lockScheduleId = null;
    }

    @EventSourcingHandler
    void on(ClaimDisputeSettled event) {
        disputeSettledSequence = Math.max(disputeSettledSequence, event.disputeSequence());
        if (event.finalDecision()) {
            disputeOpen = false;
        }
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

    private static ClaimStatus opposite(ClaimStatus status) {
        return switch (status) {
            case ACCEPTED -> ClaimStatus.REJECTED;
            case REJECTED -> ClaimStatus.ACCEPTED;
            default -> throw new IllegalStateException("a dispute is about an ACCEPTED or REJECTED claim, not " + status);
        };
    }

    private int count(Verdict verdict) {
        return (int) verdicts.values().stream().filter(v -> v == verdict).count();
    }
}
