package org.opennessledger.claims.dispute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.opennessledger.claims.EventMatchers.event;
import static org.opennessledger.claims.Rejections.rejected;
import static org.opennessledger.claims.TestActors.as;
import static org.opennessledger.claims.TestActors.reviewer;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.hamcrest.CustomTypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennessledger.claims.AggregateCommandTargetResolver;
import org.opennessledger.contracts.disputes.AppealDispute;
import org.opennessledger.contracts.disputes.AppealWindowClosed;
import org.opennessledger.contracts.disputes.DisputeAppealed;
import org.opennessledger.contracts.disputes.DisputeDecision;
import org.opennessledger.contracts.disputes.DisputeOpened;
import org.opennessledger.contracts.disputes.DisputeResolved;
import org.opennessledger.contracts.disputes.DisputeStage;
import org.opennessledger.contracts.disputes.DisputeTaken;
import org.opennessledger.contracts.disputes.ResolveDispute;
import org.opennessledger.contracts.disputes.TakeDispute;
import org.opennessledger.contracts.errors.CommandRejected.Reason;
import org.opennessledger.contracts.values.ClaimStatus;
import org.opennessledger.contracts.values.ClaimTarget;
import org.opennessledger.contracts.values.ComponentId;
import org.opennessledger.contracts.values.Evidence;
import org.opennessledger.contracts.values.LedgerMetaData;

/** The Dispute aggregate: who may take, decide and appeal it, and the appeal window. */
class DisputeTest {

    private static final String DISPUTE = "44444444-4444-4444-8444-444444444444";
    private static final String CLAIM = "0b6f7c1e-6d2a-4f39-9a57-2f0c1d3e4b5a";
    private static final ClaimTarget TARGET =
            ClaimTarget.release("llama-3", "llama-3.1-8b-instruct", ComponentId.FINAL_WEIGHTS);
    private static final Evidence TERMS =
            new Evidence("https://example.org/terms-v2", "non-commercial use only", LocalDate.of(2025, 3, 1), null);
    private static final Instant NOW = Instant.parse("2025-03-10T09:00:00Z");
    private static final Duration SEVEN_DAYS = Duration.ofDays(7);
    private static final Instant UNTIL = NOW.plus(SEVEN_DAYS);

    private static final DisputeOpened OPENED = new DisputeOpened(DISPUTE, CLAIM, TARGET, ClaimStatus.ACCEPTED, "erin",
            "The licence changed to non-commercial", List.of(TERMS), "alice", Set.of("bob", "carol", "dave"));
    private static final DisputeTaken TAKEN_BY_MIA = new DisputeTaken(DISPUTE, CLAIM, "mia", null, DisputeStage.FIRST);
    private static final DisputeResolved OVERTURNED_BY_MIA = new DisputeResolved(DISPUTE, CLAIM, TARGET,
            DisputeStage.FIRST, DisputeDecision.OVERTURN, "non-commercial terms apply", "mia", false, UNTIL);
    private static final DisputeAppealed APPEALED_BY_ALICE =
            new DisputeAppealed(DISPUTE, CLAIM, "alice", "the old terms still apply", "mia");
    private static final DisputeTaken APPEAL_TAKEN_BY_NOAH =
            new DisputeTaken(DISPUTE, CLAIM, "noah", null, DisputeStage.APPEAL);

    private FixtureConfiguration<Dispute> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture(SEVEN_DAYS);
    }

    private static FixtureConfiguration<Dispute> fixture(Duration appealWindow) {
        FixtureConfiguration<Dispute> fixture = new AggregateTestFixture<>(Dispute.class);
        fixture.registerCommandTargetResolver(new AggregateCommandTargetResolver());
        fixture.registerInjectableResource(new AppealWindow(appealWindow));
        return fixture;
    }

    private static Map<String, Object> moderator(String subject) {
        return as(subject, "moderator");
    }

    private static TakeDispute take() {
        return new TakeDispute(DISPUTE, false);
    }

    private static ResolveDispute resolve(DisputeDecision decision, String rationale) {
        return new ResolveDispute(DISPUTE, decision, rationale);
    }

    private static GenericCommandMessage<?> command(Object payload, Map<String, Object> metaData) {
        return new GenericCommandMessage<>(payload, metaData);
    }

    /** Decided by mia at the first stage through the command, so its appeal window is scheduled. */
    private TestExecutor<Dispute> decidedByMia() {
        return fixture.givenCurrentTime(NOW)
                .andGiven(OPENED, TAKEN_BY_MIA)
                .andGivenCommands(command(resolve(DisputeDecision.OVERTURN, "non-commercial terms apply"),
                        moderator("mia")));
    }

    // --- taking ---

    @Test
    void a_moderator_takes_an_open_dispute() {
        fixture.given(OPENED)
                .when(take(), moderator("mia"))
                .expectEvents(TAKEN_BY_MIA);
    }

    @Test
    void taking_needs_the_moderator_role() {
        fixture.given(OPENED)
                .when(take(), as("ada", "admin,reviewer"))
                .expectException(rejected(Reason.FORBIDDEN, "taking a dispute needs the moderator role"))
                .expectNoEvents();
    }

    @Test
    void the_claims_author_reviewers_and_disputer_may_not_take_it() {
        for (String involved : List.of("alice", "bob", "dave", "erin")) {
            fixture.given(OPENED)
                    .when(take(), as(involved, "moderator,reviewer"))
                    .expectException(rejected(Reason.FORBIDDEN, "moderator " + involved + " is involved with claim "
                            + CLAIM + " (authored, reviewed or disputed it) and cannot take dispute " + DISPUTE))
                    .expectNoEvents();
        }
    }

    @Test
    void a_dispute_owned_by_another_moderator_is_a_conflict_naming_the_owner() {
        fixture.given(OPENED, TAKEN_BY_MIA)
                .when(take(), moderator("noah"))
                .expectException(rejected(Reason.CONFLICT, "dispute " + DISPUTE + " is owned by moderator mia"))
                .expectNoEvents();
    }

    @Test
    void taking_over_records_the_previous_owner() {
        fixture.given(OPENED, TAKEN_BY_MIA)
                .when(new TakeDispute(DISPUTE, true), moderator("noah"))
                .expectEvents(new DisputeTaken(DISPUTE, CLAIM, "noah", "mia", DisputeStage.FIRST));
    }

    @Test
    void taking_over_an_unowned_dispute_names_no_previous_owner() {
        fixture.given(OPENED)
                .when(new TakeDispute(DISPUTE, true), moderator("noah"))
                .expectEvents(new DisputeTaken(DISPUTE, CLAIM, "noah", null, DisputeStage.FIRST));
    }

    @Test
    void taking_a_dispute_one_already_owns_changes_nothing() {
        fixture.given(OPENED, TAKEN_BY_MIA)
                .when(take(), moderator("mia"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_decided_or_closed_dispute_cannot_be_taken() {
        fixture.given(OPENED, TAKEN_BY_MIA, OVERTURNED_BY_MIA)
                .when(take(), moderator("noah"))
                .expectException(rejected(Reason.CONFLICT, "dispute " + DISPUTE + " is decided and may be appealed until "
                        + UNTIL))
                .expectNoEvents();
        fixture.given(OPENED, TAKEN_BY_MIA, OVERTURNED_BY_MIA,
                        new AppealWindowClosed(DISPUTE, CLAIM, TARGET, DisputeDecision.OVERTURN))
                .when(take(), moderator("noah"))
                .expectException(rejected(Reason.CONFLICT, "dispute " + DISPUTE + " is closed"))
                .expectNoEvents();
    }

    @Test
    void the_moderator_who_decided_first_may_not_take_the_appeal() {
        fixture.given(OPENED, TAKEN_BY_MIA, OVERTURNED_BY_MIA, APPEALED_BY_ALICE)
                .when(take(), moderator("mia"))
                .expectException(rejected(Reason.FORBIDDEN, "moderator mia decided dispute " + DISPUTE
                        + " at the first stage; its appeal needs a different moderator"))
                .expectNoEvents();
    }

    @Test
    void another_moderator_takes_the_appeal() {
        fixture.given(OPENED, TAKEN_BY_MIA, OVERTURNED_BY_MIA, APPEALED_BY_ALICE)
                .when(take(), moderator("noah"))
                .expectEvents(APPEAL_TAKEN_BY_NOAH);
    }

    // --- deciding ---

    @Test
    void the_owner_decides_the_first_stage_which_opens_the_appeal_window() {
        AtomicReference<Object> recordedId = new AtomicReference<>();
        fixture.givenCurrentTime(NOW)
                .andGiven(OPENED, TAKEN_BY_MIA)
                .when(resolve(DisputeDecision.OVERTURN, "  non-commercial terms apply "), moderator("mia"))
                .expectEventsMatching(exactSequenceOf(event(OVERTURNED_BY_MIA,
                        metaData -> recordedId.set(metaData.get(Dispute.APPEAL_WINDOW_SCHEDULE_ID))), andNoMore()))
                .expectScheduledDeadline(UNTIL, new AppealWindowDue(UNTIL))
                .expectScheduledDeadlineMatching(UNTIL, new CustomTypeSafeMatcher<DeadlineMessage<?>>(
                        "the deadline whose schedule id DisputeResolved names") {
                    @Override
                    protected boolean matchesSafely(DeadlineMessage<?> deadline) {
                        return recordedId.get() != null && deadline.getIdentifier().equals(recordedId.get());
                    }
                });
    }

    @Test
    void the_appeal_window_is_configurable() {
        Instant until = NOW.plus(Duration.ofHours(36));
        fixture(Duration.ofHours(36)).givenCurrentTime(NOW)
                .andGiven(OPENED, TAKEN_BY_MIA)
                .when(resolve(DisputeDecision.UPHOLD, "the licence text is unambiguous"), moderator("mia"))
                .expectEvents(new DisputeResolved(DISPUTE, CLAIM, TARGET, DisputeStage.FIRST, DisputeDecision.UPHOLD,
                        "the licence text is unambiguous", "mia", false, until))
                .expectScheduledDeadline(until, new AppealWindowDue(until));
    }

    @Test
    void deciding_needs_the_moderator_role() {
        fixture.given(OPENED, TAKEN_BY_MIA)
                .when(resolve(DisputeDecision.UPHOLD, "r"), reviewer("mia"))
                .expectException(rejected(Reason.FORBIDDEN, "deciding a dispute needs the moderator role"))
                .expectNoEvents();
    }

    @Test
    void only_the_owner_decides() {
        fixture.given(OPENED)
                .when(resolve(DisputeDecision.UPHOLD, "r"), moderator("mia"))
                .expectException(rejected(Reason.FORBIDDEN, "moderator mia does not own dispute " + DISPUTE
                        + " (nobody owns it); take the dispute first"))
                .expectNoEvents();
        fixture.given(OPENED, TAKEN_BY_MIA)
                .when(resolve(DisputeDecision.UPHOLD, "r"), moderator("noah"))
                .expectException(rejected(Reason.FORBIDDEN, "(moderator mia owns it); take the dispute first"))
                .expectNoEvents();
    }

    @Test
    void an_involved_owner_still_may_not_decide() {
        // ownership that predates the rule, or came about some other way, does not let an involved moderator decide
        fixture.given(OPENED, new DisputeTaken(DISPUTE, CLAIM, "carol", null, DisputeStage.FIRST))
                .when(resolve(DisputeDecision.UPHOLD, "r"), as("carol", "moderator"))
                .expectException(rejected(Reason.FORBIDDEN, "moderator carol is involved with claim " + CLAIM
                        + " (authored, reviewed or disputed it) and cannot decide dispute " + DISPUTE))
                .expectNoEvents();
    }

    @Test
    void a_decision_needs_a_rationale_of_at_most_ten_thousand_characters_and_a_ruling() {
        fixture.given(OPENED, TAKEN_BY_MIA)
                .when(resolve(DisputeDecision.UPHOLD, " "), moderator("mia"))
                .expectException(rejected(Reason.INVALID, "rationale is required"))
                .expectNoEvents();
        fixture.given(OPENED, TAKEN_BY_MIA)
                .when(resolve(DisputeDecision.UPHOLD, "r".repeat(10_001)), moderator("mia"))
                .expectException(rejected(Reason.INVALID, "rationale is longer than 10000 characters"))
                .expectNoEvents();
        fixture.given(OPENED, TAKEN_BY_MIA)
                .when(resolve(null, "because"), moderator("mia"))
                .expectException(rejected(Reason.INVALID, "decision (uphold or overturn) is required"))
                .expectNoEvents();
    }

    @Test
    void a_decided_or_closed_dispute_is_not_decided_again() {
        fixture.given(OPENED, TAKEN_BY_MIA, OVERTURNED_BY_MIA)
                .when(resolve(DisputeDecision.UPHOLD, "second thoughts"), moderator("mia"))
                .expectException(rejected(Reason.CONFLICT, "dispute " + DISPUTE + " is already decided"))
                .expectNoEvents();
        fixture.given(OPENED, TAKEN_BY_MIA, OVERTURNED_BY_MIA, APPEALED_BY_ALICE, APPEAL_TAKEN_BY_NOAH,
                        new DisputeResolved(DISPUTE, CLAIM, TARGET, DisputeStage.APPEAL, DisputeDecision.UPHOLD, "r",
                                "noah", true, null))
                .when(resolve(DisputeDecision.OVERTURN, "again"), moderator("noah"))
                .expectException(rejected(Reason.CONFLICT, "dispute " + DISPUTE + " is closed"))
                .expectNoEvents();
    }

    @Test
    void the_appeal_is_decided_for_good_without_a_window() {
        fixture.givenCurrentTime(NOW)
                .andGiven(OPENED, TAKEN_BY_MIA, OVERTURNED_BY_MIA, APPEALED_BY_ALICE, APPEAL_TAKEN_BY_NOAH)
                .when(resolve(DisputeDecision.UPHOLD, "release 1.0 shipped under Apache-2.0"), moderator("noah"))
                .expectEvents(new DisputeResolved(DISPUTE, CLAIM, TARGET, DisputeStage.APPEAL, DisputeDecision.UPHOLD,
                        "release 1.0 shipped under Apache-2.0", "noah", true, null))
                .expectNoScheduledDeadlines();
    }

    @Test
    void an_appeal_nobody_took_yet_cannot_be_decided() {
        fixture.given(OPENED, TAKEN_BY_MIA, OVERTURNED_BY_MIA, APPEALED_BY_ALICE)
                .when(resolve(DisputeDecision.UPHOLD, "r"), moderator("noah"))
                .expectException(rejected(Reason.FORBIDDEN, "take the dispute first"))
                .expectNoEvents();
    }

    // --- appealing ---

    @Test
    void the_claims_author_appeals_within_the_window_which_cancels_it() {
        decidedByMia()
                .when(new AppealDispute(DISPUTE, " the old terms still apply "), reviewer("alice"))
                .expectEvents(APPEALED_BY_ALICE)
                .expectNoScheduledDeadlines();
    }

    @Test
    void the_disputer_may_appeal_too() {
        fixture.givenCurrentTime(NOW)
                .andGiven(OPENED, TAKEN_BY_MIA, new DisputeResolved(DISPUTE, CLAIM, TARGET, DisputeStage.FIRST,
                        DisputeDecision.UPHOLD, "r", "mia", false, UNTIL))
                .when(new AppealDispute(DISPUTE, "the evidence was ignored"), reviewer("erin"))
                .expectEvents(new DisputeAppealed(DISPUTE, CLAIM, "erin", "the evidence was ignored", "mia"));
    }

    @Test
    void nobody_else_may_appeal() {
        decidedByMia()
                .when(new AppealDispute(DISPUTE, "me too"), reviewer("bob"))
                .expectException(rejected(Reason.FORBIDDEN, "only the author of claim " + CLAIM
                        + " or the disputer may appeal dispute " + DISPUTE))
                .expectNoEvents();
    }

    @Test
    void appealing_needs_the_reviewer_role() {
        decidedByMia()
                .when(new AppealDispute(DISPUTE, "why"), as("alice", "producer"))
                .expectException(rejected(Reason.FORBIDDEN, "appealing a dispute decision needs the reviewer role"))
                .expectNoEvents();
    }

    @Test
    void a_dispute_is_appealed_once() {
        fixture.givenCurrentTime(NOW)
                .andGiven(OPENED, TAKEN_BY_MIA, OVERTURNED_BY_MIA, APPEALED_BY_ALICE)
                .when(new AppealDispute(DISPUTE, "again"), reviewer("erin"))
                .expectException(rejected(Reason.CONFLICT, "dispute " + DISPUTE
                        + " can be appealed once and was appealed by alice"))
                .expectNoEvents();
    }

    @Test
    void an_undecided_dispute_cannot_be_appealed() {
        fixture.given(OPENED, TAKEN_BY_MIA)
                .when(new AppealDispute(DISPUTE, "early"), reviewer("alice"))
                .expectException(rejected(Reason.CONFLICT, "dispute " + DISPUTE + " has not been decided yet"))
                .expectNoEvents();
    }

    @Test
    void no_appeal_after_the_window_closed() {
        fixture.givenCurrentTime(NOW)
                .andGiven(OPENED, TAKEN_BY_MIA, OVERTURNED_BY_MIA,
                        new AppealWindowClosed(DISPUTE, CLAIM, TARGET, DisputeDecision.OVERTURN))
                .when(new AppealDispute(DISPUTE, "too late"), reviewer("alice"))
                .expectException(rejected(Reason.CONFLICT, "the appeal window of dispute " + DISPUTE + " closed at "
                        + UNTIL))
                .expectNoEvents();
    }

    @Test
    void no_appeal_once_the_window_has_passed_even_before_its_deadline_fired() {
        fixture.givenCurrentTime(UNTIL.plusSeconds(1))
                .andGiven(OPENED, TAKEN_BY_MIA, OVERTURNED_BY_MIA)
                .when(new AppealDispute(DISPUTE, "too late"), reviewer("alice"))
                .expectException(rejected(Reason.CONFLICT, "closed at " + UNTIL))
                .expectNoEvents();
    }

    @Test
    void an_appeal_needs_a_reason() {
        decidedByMia()
                .when(new AppealDispute(DISPUTE, "  "), reviewer("alice"))
                .expectException(rejected(Reason.INVALID, "reason is required"))
                .expectNoEvents();
    }

    @Test
    void an_appeal_reason_has_at_most_five_thousand_characters() {
        decidedByMia()
                .when(new AppealDispute(DISPUTE, "r".repeat(5001)), reviewer("alice"))
                .expectException(rejected(Reason.INVALID, "reason is longer than 5000 characters"))
                .expectNoEvents();
    }

    // --- the appeal window ---

    @Test
    void without_an_appeal_the_window_closes_as_the_platform() {
        decidedByMia()
                .whenTimeElapses(SEVEN_DAYS)
                .expectDeadlinesMet(new AppealWindowDue(UNTIL))
                .expectEventsMatching(exactSequenceOf(event(
                        new AppealWindowClosed(DISPUTE, CLAIM, TARGET, DisputeDecision.OVERTURN),
                        metaData -> {
                            assertThat(metaData).containsEntry(LedgerMetaData.ACTOR_ID, "system")
                                    .containsEntry(LedgerMetaData.ACTOR_ROLES, "system")
                                    .containsEntry(LedgerMetaData.REASON, "appeal window of dispute " + DISPUTE
                                            + " closed at " + UNTIL);
                            assertThat(UUID.fromString((String) metaData.get(LedgerMetaData.CORRELATION_ID)))
                                    .isNotNull();
                        }), andNoMore()));
    }

    @Test
    void nothing_closes_before_the_window_elapses() {
        decidedByMia()
                .whenTimeElapses(SEVEN_DAYS.minusMinutes(1))
                .expectNoEvents();
    }

    @Test
    void a_window_deadline_left_behind_after_an_appeal_closes_nothing() {
        // appealed without the deadline being cancelled (a cancel that was lost): it fires and does nothing
        decidedByMia()
                .andGiven(APPEALED_BY_ALICE)
                .whenTimeElapses(SEVEN_DAYS)
                .expectDeadlinesMet(new AppealWindowDue(UNTIL))
                .expectNoEvents();
    }
}
