package org.opennessledger.claims.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.opennessledger.claims.EventMatchers.event;
import static org.opennessledger.claims.Rejections.rejected;
import static org.opennessledger.claims.TestActors.as;
import static org.opennessledger.claims.TestActors.reviewer;
import static org.opennessledger.claims.TestActors.system;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennessledger.claims.AggregateCommandTargetResolver;
import org.opennessledger.claims.policy.ConsensusPolicy;
import org.opennessledger.claims.policy.ConsensusPolicyProvider;
import org.opennessledger.contracts.claims.ClaimAccepted;
import org.opennessledger.contracts.claims.ClaimLocked;
import org.opennessledger.contracts.claims.ClaimProposed;
import org.opennessledger.contracts.claims.ClaimRejected;
import org.opennessledger.contracts.claims.ClaimReviewed;
import org.opennessledger.contracts.claims.ClaimSuperseded;
import org.opennessledger.contracts.claims.ReviewClaim;
import org.opennessledger.contracts.disputes.ApplyDisputeDecision;
import org.opennessledger.contracts.disputes.ClaimDisputeSettled;
import org.opennessledger.contracts.disputes.ClaimDisputed;
import org.opennessledger.contracts.disputes.DisputeClaim;
import org.opennessledger.contracts.disputes.DisputeDecision;
import org.opennessledger.contracts.disputes.DisputeOpened;
import org.opennessledger.contracts.disputes.DisputeStage;
import org.opennessledger.contracts.errors.CommandRejected.Reason;
import org.opennessledger.contracts.values.ClaimStatus;
import org.opennessledger.contracts.values.ClaimTarget;
import org.opennessledger.contracts.values.ComponentId;
import org.opennessledger.contracts.values.Evidence;
import org.opennessledger.contracts.values.LedgerMetaData;
import org.opennessledger.contracts.values.Openness;
import org.opennessledger.contracts.values.Verdict;

/** The claim's side of a dispute: opening it, freezing the claim, and applying decisions. */
class ClaimDisputeTest {

    private static final String CLAIM = "0b6f7c1e-6d2a-4f39-9a57-2f0c1d3e4b5a";
    private static final String DISPUTE = "44444444-4444-4444-8444-444444444444";
    private static final String OTHER_DISPUTE = "55555555-5555-4555-8555-555555555555";
    private static final String NEWER = "7d3c2b1a-1111-4222-8333-944455566677";
    private static final ClaimTarget TARGET =
            ClaimTarget.release("llama-3", "llama-3.1-8b-instruct", ComponentId.FINAL_WEIGHTS);
    private static final Evidence EVIDENCE =
            new Evidence("https://www.llama.com/llama3_1/license/", null, LocalDate.of(2025, 1, 10), null);
    private static final Evidence TERMS =
            new Evidence("https://example.org/terms-v2", "non-commercial use only", LocalDate.of(2025, 3, 1), null);
    private static final Duration FOURTEEN_DAYS = Duration.ofDays(14);
    private static final ClaimProposed PROPOSED = new ClaimProposed(CLAIM, TARGET, Openness.PARTIAL,
            "llama3.1-community", List.of(EVIDENCE), "Custom licence with use restrictions", "alice", "v1");
    private static final Object[] ACCEPTED = {PROPOSED,
            reviewed("bob", Verdict.AGREE, 1, 0), reviewed("carol", Verdict.AGREE, 2, 0),
            reviewed("dave", Verdict.AGREE, 3, 0), new ClaimAccepted(CLAIM, TARGET, "v1", 3, 0)};
    private static final Object[] REJECTED = {PROPOSED,
            reviewed("bob", Verdict.DISAGREE, 0, 1), reviewed("carol", Verdict.DISAGREE, 0, 2),
            reviewed("dave", Verdict.DISAGREE, 0, 3), new ClaimRejected(CLAIM, TARGET, "v1", 0, 3, false)};
    private static final ClaimDisputed DISPUTED = new ClaimDisputed(CLAIM, TARGET, DISPUTE, "erin", ClaimStatus.ACCEPTED);

    private final AtomicReference<ConsensusPolicy> policy = new AtomicReference<>(ConsensusPolicy.DEFAULT);
    private FixtureConfiguration<Claim> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Claim.class);
        fixture.registerCommandTargetResolver(new AggregateCommandTargetResolver());
        fixture.registerInjectableResource((ConsensusPolicyProvider) policy::get);
    }

    private static ClaimReviewed reviewed(String reviewer, Verdict verdict, int agree, int disagree) {
        return new ClaimReviewed(CLAIM, reviewer, verdict, verdict == Verdict.DISAGREE ? "no" : null, null, agree,
                disagree);
    }

    private static DisputeClaim dispute(String reason, List<Evidence> evidence) {
        return new DisputeClaim(CLAIM, DISPUTE, reason, evidence);
    }

    private static DisputeClaim dispute() {
        return dispute("The licence changed to non-commercial", List.of(TERMS));
    }

    private static ApplyDisputeDecision decision(DisputeStage stage, DisputeDecision decision, boolean finalDecision,
                                                 long sequence) {
        return new ApplyDisputeDecision(CLAIM, DISPUTE, stage, decision, finalDecision, sequence);
    }

    private static Object[] with(Object[] given, Object... more) {
        Object[] all = new Object[given.length + more.length];
        System.arraycopy(given, 0, all, 0, given.length);
        System.arraycopy(more, 0, all, given.length, more.length);
        return all;
    }

    // --- opening a dispute ---

    @Test
    void a_reviewer_disputes_an_accepted_claim_which_opens_a_dispute_naming_everyone_involved() {
        fixture.given(with(ACCEPTED, reviewed("bob", Verdict.DISAGREE, 2, 1)))
                .when(dispute(), reviewer("erin"))
                .expectEvents(new ClaimDisputed(CLAIM, TARGET, DISPUTE, "erin", ClaimStatus.ACCEPTED),
                        new DisputeOpened(DISPUTE, CLAIM, TARGET, ClaimStatus.ACCEPTED, "erin",
                                "The licence changed to non-commercial", List.of(TERMS), "alice",
                                Set.of("bob", "carol", "dave")));
    }

    @Test
    void a_reviewer_of_the_claim_may_dispute_a_rejected_claim() {
        fixture.given(REJECTED)
                .when(dispute("  The licence is open after all  ", List.of(TERMS)), reviewer("bob"))
                .expectEvents(new ClaimDisputed(CLAIM, TARGET, DISPUTE, "bob", ClaimStatus.REJECTED),
                        new DisputeOpened(DISPUTE, CLAIM, TARGET, ClaimStatus.REJECTED, "bob",
                                "The licence is open after all", List.of(TERMS), "alice",
                                Set.of("bob", "carol", "dave")));
    }

    @Test
    void the_author_cannot_dispute_their_own_claim() {
        fixture.given(ACCEPTED)
                .when(dispute(), reviewer("alice"))
                .expectException(rejected(Reason.FORBIDDEN, "the author of claim " + CLAIM + " cannot dispute it"))
                .expectNoEvents();
    }

    @Test
    void disputing_needs_the_reviewer_role() {
        fixture.given(ACCEPTED)
                .when(dispute(), as("mia", "moderator"))
                .expectException(rejected(Reason.FORBIDDEN, "disputing a claim needs the reviewer role"))
                .expectNoEvents();
    }

    @Test
    void only_an_accepted_or_rejected_claim_can_be_disputed() {
        fixture.given(PROPOSED)
                .when(dispute(), reviewer("erin"))
                .expectException(rejected(Reason.CONFLICT,
                        "claim " + CLAIM + " is PROPOSED; only an ACCEPTED or REJECTED claim can be disputed"))
                .expectNoEvents();
        fixture.given(with(ACCEPTED, new ClaimSuperseded(CLAIM, TARGET, NEWER, "superseded")))
                .when(dispute(), reviewer("erin"))
                .expectException(rejected(Reason.CONFLICT, "claim " + CLAIM + " is SUPERSEDED;"))
                .expectNoEvents();
    }

    @Test
    void a_locked_claim_cannot_be_disputed() {
        fixture.given(with(ACCEPTED, new ClaimLocked(CLAIM, TARGET, ClaimStatus.ACCEPTED, "v1")))
                .when(dispute(), reviewer("erin"))
                .expectException(rejected(Reason.CONFLICT, "claim " + CLAIM + " is locked as ACCEPTED"))
                .expectNoEvents();
    }

    @Test
    void a_claim_has_one_open_dispute_at_a_time() {
        fixture.given(with(ACCEPTED, DISPUTED))
                .when(new DisputeClaim(CLAIM, OTHER_DISPUTE, "me too", List.of(TERMS)), reviewer("frank"))
                .expectException(rejected(Reason.CONFLICT, "claim " + CLAIM + " is already under dispute " + DISPUTE))
                .expectNoEvents();
    }

    @Test
    void a_dispute_needs_a_reason_of_at_most_five_thousand_characters() {
        fixture.given(ACCEPTED)
                .when(dispute(" ", List.of(TERMS)), reviewer("erin"))
                .expectException(rejected(Reason.INVALID, "reason is required"))
                .expectNoEvents();
        fixture.given(ACCEPTED)
                .when(dispute("r".repeat(5001), List.of(TERMS)), reviewer("erin"))
                .expectException(rejected(Reason.INVALID, "reason is longer than 5000 characters"))
                .expectNoEvents();
    }

    @Test
    void a_dispute_needs_one_to_twenty_pieces_of_evidence() {
        fixture.given(ACCEPTED)
                .when(dispute("why", List.of()), reviewer("erin"))
                .expectException(rejected(Reason.INVALID, "a dispute needs at least one piece of evidence"))
                .expectNoEvents();
        fixture.given(ACCEPTED)
                .when(dispute("why", Collections.nCopies(21, TERMS)), reviewer("erin"))
                .expectException(rejected(Reason.INVALID, "a dispute has at most 20 pieces of evidence, got 21"))
                .expectNoEvents();
    }

    @Test
    void the_dispute_id_must_be_a_uuid() {
        fixture.given(ACCEPTED)
                .when(new DisputeClaim(CLAIM, "dispute-1", "why", List.of(TERMS)), reviewer("erin"))
                .expectException(rejected(Reason.INVALID, "disputeId must be a UUID"))
                .expectNoEvents();
    }

    // --- while disputed ---

    @Test
    void disputing_cancels_the_pending_lock() {
        fixture.given(PROPOSED, reviewed("bob", Verdict.AGREE, 1, 0), reviewed("carol", Verdict.AGREE, 2, 0))
                .andGivenCommands(new GenericCommandMessage<>(new ReviewClaim(CLAIM, Verdict.AGREE, null),
                        reviewer("dave")))                               // accepted: a lock is pending
                .when(dispute(), reviewer("erin"))
                .expectSuccessfulHandlerExecution()
                .expectNoScheduledDeadlines();
    }

    @Test
    void a_disputed_claim_takes_no_reviews() {
        fixture.given(with(ACCEPTED, DISPUTED))
                .when(new ReviewClaim(CLAIM, Verdict.DISAGREE, "late"), reviewer("frank"))
                .expectException(rejected(Reason.CONFLICT, "claim " + CLAIM + " is under dispute " + DISPUTE))
                .expectNoEvents();
    }

    @Test
    void a_disputed_claim_does_not_lock_when_a_lock_deadline_fires() {
        // the pending lock was not cancelled (a lost cancel): it fires during the dispute and locks nothing
        fixture.given(PROPOSED, reviewed("bob", Verdict.AGREE, 1, 0), reviewed("carol", Verdict.AGREE, 2, 0))
                .andGivenCommands(new GenericCommandMessage<>(new ReviewClaim(CLAIM, Verdict.AGREE, null),
                        reviewer("dave")))
                .andGiven(DISPUTED)
                .whenTimeElapses(FOURTEEN_DAYS)
                .expectDeadlinesMet(new ClaimLockDue(ClaimStatus.ACCEPTED, 1, FOURTEEN_DAYS))
                .expectNoEvents();
    }

    // --- applying decisions ---

    @Test
    void an_overturn_rejects_an_accepted_claim_under_the_current_policy_and_keeps_it_disputed() {
        policy.set(new ConsensusPolicy("v2", 3, 2.0 / 3.0, 2.0 / 3.0, Duration.ofDays(30)));
        fixture.given(with(ACCEPTED, DISPUTED))
                .when(decision(DisputeStage.FIRST, DisputeDecision.OVERTURN, false, 3), system())
                .expectEvents(new ClaimRejected(CLAIM, TARGET, "v2", 3, 0, true),
                        new ClaimDisputeSettled(CLAIM, TARGET, DISPUTE, DisputeStage.FIRST, DisputeDecision.OVERTURN,
                                ClaimStatus.REJECTED, false, 3))
                .expectNoScheduledDeadlines();
        // still disputed: no reviews
        fixture.given(with(ACCEPTED, DISPUTED, new ClaimRejected(CLAIM, TARGET, "v2", 3, 0, true),
                        new ClaimDisputeSettled(CLAIM, TARGET, DISPUTE, DisputeStage.FIRST, DisputeDecision.OVERTURN,
                                ClaimStatus.REJECTED, false, 3)))
                .when(new ReviewClaim(CLAIM, Verdict.AGREE, null), reviewer("frank"))
                .expectException(rejected(Reason.CONFLICT, "is under dispute " + DISPUTE))
                .expectNoEvents();
    }

    @Test
    void an_overturn_accepts_a_rejected_claim() {
        fixture.given(with(REJECTED, new ClaimDisputed(CLAIM, TARGET, DISPUTE, "bob", ClaimStatus.REJECTED)))
                .when(decision(DisputeStage.FIRST, DisputeDecision.OVERTURN, false, 3), system())
                .expectEvents(new ClaimAccepted(CLAIM, TARGET, "v1", 0, 3),
                        new ClaimDisputeSettled(CLAIM, TARGET, DISPUTE, DisputeStage.FIRST, DisputeDecision.OVERTURN,
                                ClaimStatus.ACCEPTED, false, 3));
    }

    @Test
    void an_upheld_status_is_only_settled() {
        fixture.given(with(ACCEPTED, DISPUTED))
                .when(decision(DisputeStage.FIRST, DisputeDecision.UPHOLD, false, 3), system())
                .expectEvents(new ClaimDisputeSettled(CLAIM, TARGET, DISPUTE, DisputeStage.FIRST,
                        DisputeDecision.UPHOLD, ClaimStatus.ACCEPTED, false, 3));
    }

    @Test
    void a_final_decision_restores_the_disputed_status_closes_the_dispute_and_locks_the_claim() {
        fixture.given(with(ACCEPTED, DISPUTED, new ClaimRejected(CLAIM, TARGET, "v1", 3, 0, true),
                        new ClaimDisputeSettled(CLAIM, TARGET, DISPUTE, DisputeStage.FIRST, DisputeDecision.OVERTURN,
                                ClaimStatus.REJECTED, false, 3)))
                .when(decision(DisputeStage.APPEAL, DisputeDecision.UPHOLD, true, 7), system())
                .expectEventsMatching(exactSequenceOf(
                        event(new ClaimAccepted(CLAIM, TARGET, "v1", 3, 0)),
                        event(new ClaimDisputeSettled(CLAIM, TARGET, DISPUTE, DisputeStage.APPEAL,
                                DisputeDecision.UPHOLD, ClaimStatus.ACCEPTED, true, 7)),
                        event(new ClaimLocked(CLAIM, TARGET, ClaimStatus.ACCEPTED, "v1"), metaData ->
                                assertThat(metaData).containsEntry(LedgerMetaData.ACTOR_ID, "system")
                                        .containsEntry(LedgerMetaData.ACTOR_ROLES, "system")
                                        .containsEntry(LedgerMetaData.REASON,
                                                "dispute " + DISPUTE + " decided for good")),
                        andNoMore()))
                .expectNoScheduledDeadlines();
    }

    @Test
    void a_closed_dispute_leaves_a_locked_claim_that_takes_no_reviews_and_no_new_dispute() {
        Object[] settled = with(ACCEPTED, DISPUTED, new ClaimDisputeSettled(CLAIM, TARGET, DISPUTE, DisputeStage.FIRST,
                        DisputeDecision.UPHOLD, ClaimStatus.ACCEPTED, true, 4),
                new ClaimLocked(CLAIM, TARGET, ClaimStatus.ACCEPTED, "v1"));
        fixture.given(settled)
                .when(new ReviewClaim(CLAIM, Verdict.AGREE, null), reviewer("frank"))
                .expectException(rejected(Reason.CONFLICT, "is locked as ACCEPTED"))
                .expectNoEvents();
        fixture.given(settled)
                .when(new DisputeClaim(CLAIM, OTHER_DISPUTE, "again", List.of(TERMS)), reviewer("frank"))
                .expectException(rejected(Reason.CONFLICT, "is locked as ACCEPTED"))
                .expectNoEvents();
    }

    @Test
    void a_decision_applied_again_changes_nothing() {
        Object[] overturned = with(ACCEPTED, DISPUTED, new ClaimRejected(CLAIM, TARGET, "v1", 3, 0, true),
                new ClaimDisputeSettled(CLAIM, TARGET, DISPUTE, DisputeStage.FIRST, DisputeDecision.OVERTURN,
                        ClaimStatus.REJECTED, false, 3));
        fixture.given(overturned)
                .when(decision(DisputeStage.FIRST, DisputeDecision.OVERTURN, false, 3), system())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        // an older one, replayed after a newer one, does not undo it
        fixture.given(overturned)
                .when(decision(DisputeStage.FIRST, DisputeDecision.UPHOLD, false, 2), system())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void nothing_applies_once_the_dispute_is_closed() {
        fixture.given(with(ACCEPTED, DISPUTED, new ClaimDisputeSettled(CLAIM, TARGET, DISPUTE, DisputeStage.FIRST,
                                DisputeDecision.UPHOLD, ClaimStatus.ACCEPTED, true, 4),
                        new ClaimLocked(CLAIM, TARGET, ClaimStatus.ACCEPTED, "v1")))
                .when(decision(DisputeStage.APPEAL, DisputeDecision.OVERTURN, true, 9), system())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_decision_about_another_dispute_is_ignored() {
        fixture.given(with(ACCEPTED, DISPUTED))
                .when(new ApplyDisputeDecision(CLAIM, OTHER_DISPUTE, DisputeStage.FIRST, DisputeDecision.OVERTURN,
                        true, 3), system())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(ACCEPTED)
                .when(decision(DisputeStage.FIRST, DisputeDecision.OVERTURN, true, 3), system())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_claim_superseded_during_its_dispute_stays_superseded_and_locks_on_the_final_decision() {
        fixture.given(with(ACCEPTED, DISPUTED, new ClaimSuperseded(CLAIM, TARGET, NEWER, "superseded")))
                .when(decision(DisputeStage.FIRST, DisputeDecision.UPHOLD, true, 4), system())
                .expectEvents(new ClaimDisputeSettled(CLAIM, TARGET, DISPUTE, DisputeStage.FIRST,
                                DisputeDecision.UPHOLD, ClaimStatus.SUPERSEDED, true, 4),
                        new ClaimLocked(CLAIM, TARGET, ClaimStatus.SUPERSEDED, "v1"));
        fixture.given(with(ACCEPTED, DISPUTED, new ClaimSuperseded(CLAIM, TARGET, NEWER, "superseded")))
                .when(decision(DisputeStage.FIRST, DisputeDecision.OVERTURN, false, 4), system())
                .expectEvents(new ClaimDisputeSettled(CLAIM, TARGET, DISPUTE, DisputeStage.FIRST,
                        DisputeDecision.OVERTURN, ClaimStatus.SUPERSEDED, false, 4));
    }

    @Test
    void only_the_platform_applies_dispute_decisions() {
        fixture.given(with(ACCEPTED, DISPUTED))
                .when(decision(DisputeStage.FIRST, DisputeDecision.OVERTURN, true, 3), as("mia", "moderator,admin"))
                .expectException(rejected(Reason.FORBIDDEN, "applying a dispute decision needs the system role"))
                .expectNoEvents();
    }

    @Test
    void a_decision_names_its_dispute_stage_decision_and_event() {
        fixture.given(with(ACCEPTED, DISPUTED))
                .when(new ApplyDisputeDecision(CLAIM, DISPUTE, DisputeStage.FIRST, null, false, 3), system())
                .expectException(rejected(Reason.INVALID, "decision is required"))
                .expectNoEvents();
        fixture.given(with(ACCEPTED, DISPUTED))
                .when(new ApplyDisputeDecision(CLAIM, DISPUTE, null, DisputeDecision.UPHOLD, false, 3), system())
                .expectException(rejected(Reason.INVALID, "stage is required"))
                .expectNoEvents();
        fixture.given(with(ACCEPTED, DISPUTED))
                .when(new ApplyDisputeDecision(CLAIM, null, DisputeStage.FIRST, DisputeDecision.UPHOLD, false, 3),
                        system())
                .expectException(rejected(Reason.INVALID, "disputeId is required"))
                .expectNoEvents();
        fixture.given(with(ACCEPTED, DISPUTED))
                .when(decision(DisputeStage.FIRST, DisputeDecision.UPHOLD, false, -1), system())
                .expectException(rejected(Reason.INVALID, "disputeSequence must be an event sequence number"))
                .expectNoEvents();
    }
}
