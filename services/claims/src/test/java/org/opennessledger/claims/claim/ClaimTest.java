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
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.hamcrest.CustomTypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennessledger.claims.AggregateCommandTargetResolver;
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
import org.opennessledger.contracts.errors.CommandRejected.Reason;
import org.opennessledger.contracts.values.ClaimStatus;
import org.opennessledger.contracts.values.ClaimTarget;
import org.opennessledger.contracts.values.ComponentId;
import org.opennessledger.contracts.values.Evidence;
import org.opennessledger.contracts.values.LedgerMetaData;
import org.opennessledger.contracts.values.Openness;
import org.opennessledger.contracts.values.Verdict;

class ClaimTest {

    private static final String CLAIM = "0b6f7c1e-6d2a-4f39-9a57-2f0c1d3e4b5a";
    private static final String NEWER = "7d3c2b1a-1111-4222-8333-944455566677";
    private static final ClaimTarget TARGET =
            ClaimTarget.release("llama-3", "llama-3.1-8b-instruct", ComponentId.FINAL_WEIGHTS);
    private static final Evidence EVIDENCE =
            new Evidence("https://www.llama.com/llama3_1/license/", null, LocalDate.of(2025, 1, 10), null);
    private static final ClaimProposed PROPOSED = new ClaimProposed(CLAIM, TARGET, Openness.PARTIAL,
            "llama3.1-community", List.of(EVIDENCE), "Custom licence with use restrictions", "alice", "v1");
    private static final Duration FOURTEEN_DAYS = Duration.ofDays(14);

    private final AtomicReference<ConsensusPolicy> policy = new AtomicReference<>(ConsensusPolicy.DEFAULT);
    private FixtureConfiguration<Claim> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Claim.class);
        fixture.registerCommandTargetResolver(new AggregateCommandTargetResolver());
        fixture.registerInjectableResource((ConsensusPolicyProvider) policy::get);
    }

    private static ReviewClaim agree() {
        return new ReviewClaim(CLAIM, Verdict.AGREE, null);
    }

    private static ReviewClaim disagree(String reason) {
        return new ReviewClaim(CLAIM, Verdict.DISAGREE, reason);
    }

    private static ClaimReviewed reviewed(String reviewer, Verdict verdict, String reason, Verdict previous,
                                          int agree, int disagree) {
        return new ClaimReviewed(CLAIM, reviewer, verdict, reason, previous, agree, disagree);
    }

    private static GenericCommandMessage<ReviewClaim> review(ReviewClaim command, String reviewer) {
        return new GenericCommandMessage<>(command, reviewer(reviewer));
    }

    // --- who may review ---

    @Test
    void a_reviewer_reviews_a_claim() {
        fixture.given(PROPOSED)
                .when(agree(), reviewer("bob"))
                .expectEvents(reviewed("bob", Verdict.AGREE, null, null, 1, 0));
    }

    @Test
    void the_author_cannot_review_their_own_claim() {
        fixture.given(PROPOSED)
                .when(agree(), reviewer("alice"))
                .expectException(rejected(Reason.FORBIDDEN, "the author of claim " + CLAIM + " cannot review it"))
                .expectNoEvents();
    }

    @Test
    void reviewing_needs_the_reviewer_role() {
        fixture.given(PROPOSED)
                .when(agree(), as("mia", "moderator,producer"))
                .expectException(rejected(Reason.FORBIDDEN, "reviewing a claim needs the reviewer role"))
                .expectNoEvents();
    }

    @Test
    void a_review_without_an_actor_is_forbidden() {
        fixture.given(PROPOSED)
                .when(agree(), Map.of())
                .expectException(rejected(Reason.FORBIDDEN, "names no actor"))
                .expectNoEvents();
    }

    @Test
    void disagreeing_needs_a_reason() {
        fixture.given(PROPOSED)
                .when(disagree("  "), reviewer("bob"))
                .expectException(rejected(Reason.INVALID, "disagreeing needs a reason"))
                .expectNoEvents();
    }

    @Test
    void a_reason_has_at_most_five_thousand_characters() {
        fixture.given(PROPOSED)
                .when(disagree("x".repeat(5001)), reviewer("bob"))
                .expectException(rejected(Reason.INVALID, "reason is longer than 5000 characters"))
                .expectNoEvents();
    }

    @Test
    void a_verdict_is_required() {
        fixture.given(PROPOSED)
                .when(new ReviewClaim(CLAIM, null, "why"), reviewer("bob"))
                .expectException(rejected(Reason.INVALID, "verdict is required"))
                .expectNoEvents();
    }

    @Test
    void a_second_review_by_the_same_reviewer_replaces_the_first() {
        fixture.given(PROPOSED, reviewed("bob", Verdict.AGREE, null, null, 1, 0),
                        reviewed("carol", Verdict.AGREE, null, null, 2, 0))
                .when(disagree("The licence restricts use"), reviewer("bob"))
                .expectEvents(reviewed("bob", Verdict.DISAGREE, "The licence restricts use", Verdict.AGREE, 1, 1));
    }

    // --- consensus ---

    @Test
    void three_agreeing_reviews_accept_the_claim_under_the_policy_version() {
        fixture.given(PROPOSED, reviewed("bob", Verdict.AGREE, null, null, 1, 0),
                        reviewed("carol", Verdict.AGREE, null, null, 2, 0))
                .when(agree(), reviewer("dave"))
                .expectEvents(reviewed("dave", Verdict.AGREE, null, null, 3, 0),
                        new ClaimAccepted(CLAIM, TARGET, "v1", 3, 0))
                .expectScheduledDeadline(FOURTEEN_DAYS, new ClaimLockDue(ClaimStatus.ACCEPTED, 1, FOURTEEN_DAYS));
    }

    @Test
    void two_agreeing_and_one_disagreeing_review_accept_the_claim() {
        fixture.given(PROPOSED, reviewed("bob", Verdict.AGREE, null, null, 1, 0),
                        reviewed("carol", Verdict.DISAGREE, "no", null, 1, 1))
                .when(agree(), reviewer("dave"))
                .expectEvents(reviewed("dave", Verdict.AGREE, null, null, 2, 1),
                        new ClaimAccepted(CLAIM, TARGET, "v1", 2, 1));
    }

    @Test
    void one_agreeing_and_two_disagreeing_reviews_reject_the_claim() {
        fixture.given(PROPOSED, reviewed("bob", Verdict.AGREE, null, null, 1, 0),
                        reviewed("carol", Verdict.DISAGREE, "no", null, 1, 1))
                .when(disagree("wrong licence"), reviewer("dave"))
                .expectEvents(reviewed("dave", Verdict.DISAGREE, "wrong licence", null, 1, 2),
                        new ClaimRejected(CLAIM, TARGET, "v1", 1, 2, false))
                .expectScheduledDeadline(FOURTEEN_DAYS, new ClaimLockDue(ClaimStatus.REJECTED, 1, FOURTEEN_DAYS));
    }

    @Test
    void an_even_split_of_four_reviews_reopens_an_accepted_claim() {
        fixture.given(PROPOSED, reviewed("bob", Verdict.AGREE, null, null, 1, 0),
                        reviewed("carol", Verdict.AGREE, null, null, 2, 0),
                        reviewed("dave", Verdict.DISAGREE, "no", null, 2, 1),
                        new ClaimAccepted(CLAIM, TARGET, "v1", 2, 1))
                .when(disagree("not open"), reviewer("erin"))
                .expectEvents(reviewed("erin", Verdict.DISAGREE, "not open", null, 2, 2),
                        new ClaimReopened(CLAIM, TARGET, "v1", ClaimStatus.ACCEPTED, 2, 2));
    }

    @Test
    void an_accepted_claim_that_turns_rejected_says_it_was_accepted() {
        fixture.given(PROPOSED, reviewed("bob", Verdict.AGREE, null, null, 1, 0),
                        reviewed("carol", Verdict.DISAGREE, "no", null, 1, 1),
                        reviewed("dave", Verdict.AGREE, null, null, 2, 1),
                        new ClaimAccepted(CLAIM, TARGET, "v1", 2, 1))
                .when(disagree("changed my mind"), reviewer("bob"))
                .expectEvents(reviewed("bob", Verdict.DISAGREE, "changed my mind", Verdict.AGREE, 1, 2),
                        new ClaimRejected(CLAIM, TARGET, "v1", 1, 2, true));
    }

    @Test
    void a_review_that_keeps_the_status_emits_only_the_review() {
        fixture.given(PROPOSED, reviewed("bob", Verdict.AGREE, null, null, 1, 0),
                        reviewed("carol", Verdict.AGREE, null, null, 2, 0),
                        reviewed("dave", Verdict.AGREE, null, null, 3, 0),
                        new ClaimAccepted(CLAIM, TARGET, "v1", 3, 0))
                .when(agree(), reviewer("erin"))
                .expectEvents(reviewed("erin", Verdict.AGREE, null, null, 4, 0))
                .expectNoScheduledDeadlines();
    }

    @Test
    void each_status_change_records_the_policy_current_at_that_review() {
        policy.set(new ConsensusPolicy("v2", 2, 0.75, 0.75, Duration.ofDays(3)));
        fixture.given(PROPOSED, reviewed("bob", Verdict.AGREE, null, null, 1, 0))
                .when(agree(), reviewer("carol"))
                .expectEvents(reviewed("carol", Verdict.AGREE, null, null, 2, 0),
                        new ClaimAccepted(CLAIM, TARGET, "v2", 2, 0))
                .expectScheduledDeadline(Duration.ofDays(3),
                        new ClaimLockDue(ClaimStatus.ACCEPTED, 1, Duration.ofDays(3)));
    }

    // --- locking ---

    @Test
    void an_accepted_claim_locks_when_the_lock_period_elapses() {
        fixture.given(PROPOSED, reviewed("bob", Verdict.AGREE, null, null, 1, 0),
                        reviewed("carol", Verdict.AGREE, null, null, 2, 0))
                .andGivenCommands(review(agree(), "dave"))
                .whenTimeElapses(FOURTEEN_DAYS)
                .expectDeadlinesMet(new ClaimLockDue(ClaimStatus.ACCEPTED, 1, FOURTEEN_DAYS))
                .expectEvents(new ClaimLocked(CLAIM, TARGET, ClaimStatus.ACCEPTED, "v1"));
    }

    @Test
    void nothing_locks_before_the_lock_period_elapses() {
        fixture.given(PROPOSED, reviewed("bob", Verdict.AGREE, null, null, 1, 0),
                        reviewed("carol", Verdict.AGREE, null, null, 2, 0))
                .andGivenCommands(review(agree(), "dave"))
                .whenTimeElapses(FOURTEEN_DAYS.minusMinutes(1))
                .expectNoEvents();
    }

    @Test
    void a_review_of_a_locked_claim_is_a_conflict_and_changes_nothing() {
        fixture.given(PROPOSED, reviewed("bob", Verdict.AGREE, null, null, 1, 0),
                        reviewed("carol", Verdict.AGREE, null, null, 2, 0),
                        reviewed("dave", Verdict.AGREE, null, null, 3, 0),
                        new ClaimAccepted(CLAIM, TARGET, "v1", 3, 0),
                        new ClaimLocked(CLAIM, TARGET, ClaimStatus.ACCEPTED, "v1"))
                .when(disagree("too late"), reviewer("erin"))
                .expectException(rejected(Reason.CONFLICT, "claim " + CLAIM + " is locked as ACCEPTED"))
                .expectNoEvents();
    }

    @Test
    void reopening_cancels_the_lock_deadline() {
        fixture.given(PROPOSED, reviewed("bob", Verdict.AGREE, null, null, 1, 0),
                        reviewed("carol", Verdict.AGREE, null, null, 2, 0))
                .andGivenCommands(review(disagree("no"), "dave"))
                .when(disagree("not open"), reviewer("erin"))
                .expectEvents(reviewed("erin", Verdict.DISAGREE, "not open", null, 2, 2),
                        new ClaimReopened(CLAIM, TARGET, "v1", ClaimStatus.ACCEPTED, 2, 2))
                .expectNoScheduledDeadlines();
    }

    @Test
    void a_reopened_claim_does_not_lock() {
        fixture.given(PROPOSED, reviewed("bob", Verdict.AGREE, null, null, 1, 0),
                        reviewed("carol", Verdict.AGREE, null, null, 2, 0))
                .andGivenCommands(review(disagree("no"), "dave"), review(disagree("not open"), "erin"))
                .whenTimeElapses(FOURTEEN_DAYS.plusDays(1))
                .expectNoEvents();
    }

    @Test
    void a_new_status_replaces_the_pending_lock_with_its_own() {
        fixture.given(PROPOSED, reviewed("bob", Verdict.AGREE, null, null, 1, 0),
                        reviewed("carol", Verdict.DISAGREE, "no", null, 1, 1))
                .andGivenCommands(review(agree(), "dave"))             // accepted: a lock for ACCEPTED is pending
                .when(disagree("wrong"), reviewer("bob"))
                .expectEvents(reviewed("bob", Verdict.DISAGREE, "wrong", Verdict.AGREE, 1, 2),
                        new ClaimRejected(CLAIM, TARGET, "v1", 1, 2, true))
                .expectScheduledDeadline(FOURTEEN_DAYS, new ClaimLockDue(ClaimStatus.REJECTED, 2, FOURTEEN_DAYS))
                .expectNoScheduledDeadline(FOURTEEN_DAYS, new ClaimLockDue(ClaimStatus.ACCEPTED, 1, FOURTEEN_DAYS));
    }

    @Test
    void the_lock_names_the_platform_the_reason_and_a_correlation_id_of_its_own() {
        Instant acceptedAt = Instant.parse("2025-03-01T10:00:00Z");
        fixture.givenCurrentTime(acceptedAt)
                .andGiven(PROPOSED, reviewed("bob", Verdict.AGREE, null, null, 1, 0),
                        reviewed("carol", Verdict.AGREE, null, null, 2, 0))
                .andGivenCommands(review(agree(), "dave"))
                .whenTimeElapses(FOURTEEN_DAYS)
                .expectEventsMatching(exactSequenceOf(event(
                        new ClaimLocked(CLAIM, TARGET, ClaimStatus.ACCEPTED, "v1"),
                        metaData -> {
                            assertThat(metaData).containsEntry(LedgerMetaData.ACTOR_ID, "system")
                                    .containsEntry(LedgerMetaData.ACTOR_ROLES, "system")
                                    .containsEntry(LedgerMetaData.REASON, "status ACCEPTED reached at "
                                            + "2025-03-01T10:00:00Z locked after the lock period of policy v1 (P14D)");
                            assertThat(metaData.get(LedgerMetaData.CORRELATION_ID)).isInstanceOf(String.class);
                            assertThat(UUID.fromString((String) metaData.get(LedgerMetaData.CORRELATION_ID)))
                                    .isNotNull();
                        }), andNoMore()));
    }

    @Test
    void a_lock_period_that_is_not_whole_days_is_named_as_a_duration() {
        policy.set(ConsensusPolicy.builtIn(Duration.ofSeconds(3)));
        fixture.given(PROPOSED, reviewed("bob", Verdict.DISAGREE, "no", null, 0, 1),
                        reviewed("carol", Verdict.DISAGREE, "no", null, 0, 2))
                .andGivenCommands(review(disagree("no"), "dave"))
                .whenTimeElapses(Duration.ofSeconds(3))
                .expectEventsMatching(exactSequenceOf(event(
                        new ClaimLocked(CLAIM, TARGET, ClaimStatus.REJECTED, "v1+lock-PT3S"),
                        metaData -> assertThat((String) metaData.get(LedgerMetaData.REASON))
                                .startsWith("status REJECTED reached at ")
                                .endsWith(" locked after the lock period of policy v1+lock-PT3S (PT3S)")),
                        andNoMore()));
    }

    @Test
    void a_lock_deadline_left_behind_locks_nothing_even_when_the_claim_is_back_in_that_status() {
        TestExecutor<Claim> accepted = fixture.given(PROPOSED, reviewed("bob", Verdict.AGREE, null, null, 1, 0),
                        reviewed("carol", Verdict.AGREE, null, null, 2, 0))
                .andGivenCommands(review(agree(), "dave"));                 // accepted: lock due after 14 days
        policy.set(new ConsensusPolicy("v2", 3, 2.0 / 3.0, 2.0 / 3.0, Duration.ofDays(30)));
        // reopened without the lock being cancelled (a cancel that was lost): that deadline stays pending
        accepted.andGiven(new ClaimReopened(CLAIM, TARGET, "v1", ClaimStatus.ACCEPTED, 3, 0))
                .andGivenCommands(review(agree(), "erin"))                  // accepted again: lock due after 30 days
                .whenTimeElapses(FOURTEEN_DAYS)
                .expectDeadlinesMet(new ClaimLockDue(ClaimStatus.ACCEPTED, 1, FOURTEEN_DAYS))
                .expectNoEvents();
    }

    @Test
    void the_status_event_names_the_schedule_id_of_its_lock_deadline() {
        AtomicReference<Object> recordedId = new AtomicReference<>();
        fixture.given(PROPOSED, reviewed("bob", Verdict.AGREE, null, null, 1, 0),
                        reviewed("carol", Verdict.AGREE, null, null, 2, 0))
                .when(agree(), reviewer("dave"))
                .expectEventsMatching(exactSequenceOf(
                        event(reviewed("dave", Verdict.AGREE, null, null, 3, 0),
                                metaData -> assertThat(metaData).doesNotContainKey(Claim.LOCK_SCHEDULE_ID)),
                        event(new ClaimAccepted(CLAIM, TARGET, "v1", 3, 0),
                                metaData -> recordedId.set(metaData.get(Claim.LOCK_SCHEDULE_ID))),
                        andNoMore()))
                .expectScheduledDeadlineMatching(FOURTEEN_DAYS, new CustomTypeSafeMatcher<DeadlineMessage<?>>(
                        "the deadline whose schedule id ClaimAccepted names") {
                    @Override
                    protected boolean matchesSafely(DeadlineMessage<?> deadline) {
                        return recordedId.get() != null && deadline.getIdentifier().equals(recordedId.get());
                    }
                });
    }

    @Test
    void a_pending_lock_is_cancelled_by_the_schedule_id_its_status_event_names_and_nothing_else() {
        // a lock for ACCEPTED is pending in the deadline manager; the claim's last status event names another
        // schedule id, so only that one is cancelled: the pending lock is not found by scanning the claim's scope
        fixture.given(PROPOSED, reviewed("bob", Verdict.AGREE, null, null, 1, 0),
                        reviewed("carol", Verdict.AGREE, null, null, 2, 0))
                .andGivenCommands(review(disagree("no"), "dave"))
                .andGiven(new GenericEventMessage<>(new ClaimRejected(CLAIM, TARGET, "v1", 1, 2, true),
                        MetaData.with(Claim.LOCK_SCHEDULE_ID, "schedule-of-another-lock")))
                .when(disagree("not open"), reviewer("erin"))
                .expectEvents(reviewed("erin", Verdict.DISAGREE, "not open", null, 2, 2),
                        new ClaimReopened(CLAIM, TARGET, "v1", ClaimStatus.REJECTED, 2, 2))
                .expectScheduledDeadline(FOURTEEN_DAYS, new ClaimLockDue(ClaimStatus.ACCEPTED, 1, FOURTEEN_DAYS));
    }

    @Test
    void a_pending_lock_whose_schedule_id_was_not_recorded_is_cancelled_by_scope() {
        // as above, but the status event predates recorded schedule ids
        fixture.given(PROPOSED, reviewed("bob", Verdict.AGREE, null, null, 1, 0),
                        reviewed("carol", Verdict.AGREE, null, null, 2, 0))
                .andGivenCommands(review(disagree("no"), "dave"))
                .andGiven(new ClaimRejected(CLAIM, TARGET, "v1", 1, 2, true))
                .when(disagree("not open"), reviewer("erin"))
                .expectEvents(reviewed("erin", Verdict.DISAGREE, "not open", null, 2, 2),
                        new ClaimReopened(CLAIM, TARGET, "v1", ClaimStatus.REJECTED, 2, 2))
                .expectNoScheduledDeadlines();
    }

    // --- supersession ---

    @Test
    void the_platform_supersedes_a_claim_with_its_reason() {
        fixture.given(PROPOSED, new ClaimAccepted(CLAIM, TARGET, "v1", 3, 0))
                .when(new SupersedeClaim(CLAIM, NEWER), system())
                .expectEvents(new ClaimSuperseded(CLAIM, TARGET, NEWER, "superseded by accepted claim " + NEWER));
    }

    @Test
    void superseding_a_superseded_claim_changes_nothing() {
        fixture.given(PROPOSED, new ClaimSuperseded(CLAIM, TARGET, NEWER, "superseded by accepted claim " + NEWER))
                .when(new SupersedeClaim(CLAIM, NEWER), system())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_locked_claim_can_still_be_superseded() {
        fixture.given(PROPOSED, new ClaimAccepted(CLAIM, TARGET, "v1", 3, 0),
                        new ClaimLocked(CLAIM, TARGET, ClaimStatus.ACCEPTED, "v1"))
                .when(new SupersedeClaim(CLAIM, NEWER), system())
                .expectEvents(new ClaimSuperseded(CLAIM, TARGET, NEWER, "superseded by accepted claim " + NEWER));
    }

    @Test
    void superseding_cancels_a_pending_lock() {
        fixture.given(PROPOSED, reviewed("bob", Verdict.AGREE, null, null, 1, 0),
                        reviewed("carol", Verdict.AGREE, null, null, 2, 0))
                .andGivenCommands(review(agree(), "dave"))
                .when(new SupersedeClaim(CLAIM, NEWER), system())
                .expectEvents(new ClaimSuperseded(CLAIM, TARGET, NEWER, "superseded by accepted claim " + NEWER))
                .expectNoScheduledDeadlines();
    }

    @Test
    void a_superseded_claim_takes_no_more_reviews() {
        fixture.given(PROPOSED, new ClaimSuperseded(CLAIM, TARGET, NEWER, "superseded by accepted claim " + NEWER))
                .when(agree(), reviewer("bob"))
                .expectException(rejected(Reason.CONFLICT, "was superseded by claim " + NEWER))
                .expectNoEvents();
    }

    @Test
    void only_the_platform_supersedes_claims() {
        fixture.given(PROPOSED)
                .when(new SupersedeClaim(CLAIM, NEWER), as("root", "admin,moderator,reviewer"))
                .expectException(rejected(Reason.FORBIDDEN, "superseding a claim needs the system role"))
                .expectNoEvents();
    }

    // --- reinstatement: the claim that superseded this one lost its acceptance ---

    private static final ClaimSuperseded SUPERSEDED_BY_NEWER =
            new ClaimSuperseded(CLAIM, TARGET, NEWER, "superseded by accepted claim " + NEWER);

    @Test
    void the_platform_reinstates_a_claim_and_starts_a_new_lock_period() {
        fixture.given(PROPOSED, new ClaimAccepted(CLAIM, TARGET, "v1", 3, 0), SUPERSEDED_BY_NEWER)
                .when(new ReinstateClaim(CLAIM, NEWER), system())
                .expectEvents(new ClaimReinstated(CLAIM, TARGET, NEWER, "v1"))
                .expectScheduledDeadline(FOURTEEN_DAYS, new ClaimLockDue(ClaimStatus.ACCEPTED, 2, FOURTEEN_DAYS));
    }

    @Test
    void a_claim_locked_before_it_was_superseded_comes_back_locked() {
        fixture.given(PROPOSED, new ClaimAccepted(CLAIM, TARGET, "v1", 3, 0),
                        new ClaimLocked(CLAIM, TARGET, ClaimStatus.ACCEPTED, "v1"), SUPERSEDED_BY_NEWER)
                .when(new ReinstateClaim(CLAIM, NEWER), system())
                .expectEvents(new ClaimReinstated(CLAIM, TARGET, NEWER, "v1"))
                .expectNoScheduledDeadlines();
    }

    @Test
    void reinstating_a_claim_that_is_not_superseded_changes_nothing() {
        fixture.given(PROPOSED, new ClaimAccepted(CLAIM, TARGET, "v1", 3, 0))
                .when(new ReinstateClaim(CLAIM, NEWER), system())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void only_a_claim_superseded_by_the_withdrawn_claim_is_reinstated() {
        fixture.given(PROPOSED, new ClaimAccepted(CLAIM, TARGET, "v1", 3, 0), SUPERSEDED_BY_NEWER)
                .when(new ReinstateClaim(CLAIM, "5e0c1d2b-3a49-4f5e-8d7c-6b5a49382716"), system())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_reinstated_claim_is_accepted_again_and_can_be_superseded_again() {
        fixture.given(PROPOSED, new ClaimAccepted(CLAIM, TARGET, "v1", 3, 0), SUPERSEDED_BY_NEWER,
                        new ClaimReinstated(CLAIM, TARGET, NEWER, "v1"))
                .when(new SupersedeClaim(CLAIM, NEWER), system())
                .expectEvents(SUPERSEDED_BY_NEWER);
    }

    @Test
    void only_the_platform_reinstates_claims() {
        fixture.given(PROPOSED, new ClaimAccepted(CLAIM, TARGET, "v1", 3, 0), SUPERSEDED_BY_NEWER)
                .when(new ReinstateClaim(CLAIM, NEWER), as("root", "admin,moderator,reviewer"))
                .expectException(rejected(Reason.FORBIDDEN, "reinstating a claim needs the system role"))
                .expectNoEvents();
    }

    @Test
    void a_claim_cannot_supersede_itself() {
        fixture.given(PROPOSED)
                .when(new SupersedeClaim(CLAIM, CLAIM), system())
                .expectException(rejected(Reason.INVALID, "cannot supersede itself"))
                .expectNoEvents();
    }

    @Test
    void a_claim_reopened_since_the_newer_one_was_accepted_is_not_superseded() {
        fixture.given(PROPOSED, new ClaimAccepted(CLAIM, TARGET, "v1", 3, 0),
                        new ClaimReopened(CLAIM, TARGET, "v1", ClaimStatus.ACCEPTED, 2, 2))
                .when(new SupersedeClaim(CLAIM, NEWER), system())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_claim_rejected_since_the_newer_one_was_accepted_is_not_superseded() {
        fixture.given(PROPOSED, new ClaimAccepted(CLAIM, TARGET, "v1", 2, 1),
                        new ClaimRejected(CLAIM, TARGET, "v1", 1, 2, true))
                .when(new SupersedeClaim(CLAIM, NEWER), system())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_claim_never_accepted_is_not_superseded() {
        fixture.given(PROPOSED)
                .when(new SupersedeClaim(CLAIM, NEWER), system())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
