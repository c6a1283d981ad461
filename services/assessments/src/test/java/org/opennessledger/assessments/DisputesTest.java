package org.opennessledger.assessments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.axonframework.messaging.responsetypes.ResponseTypes.instanceOf;
import static org.axonframework.messaging.responsetypes.ResponseTypes.multipleInstancesOf;
import static org.axonframework.messaging.responsetypes.ResponseTypes.optionalInstanceOf;
import static org.opennessledger.assessments.Events.LLAMA;
import static org.opennessledger.assessments.Events.SMALL;
import static org.opennessledger.assessments.Events.accepted;
import static org.opennessledger.assessments.Events.appealDecision;
import static org.opennessledger.assessments.Events.appealed;
import static org.opennessledger.assessments.Events.claimDisputed;
import static org.opennessledger.assessments.Events.disputeOpened;
import static org.opennessledger.assessments.Events.evidence;
import static org.opennessledger.assessments.Events.family;
import static org.opennessledger.assessments.Events.firstDecision;
import static org.opennessledger.assessments.Events.locked;
import static org.opennessledger.assessments.Events.ofRelease;
import static org.opennessledger.assessments.Events.proposed;
import static org.opennessledger.assessments.Events.rejected;
import static org.opennessledger.assessments.Events.release;
import static org.opennessledger.assessments.Events.settled;
import static org.opennessledger.assessments.Events.taken;
import static org.opennessledger.assessments.Events.windowClosed;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennessledger.contracts.disputes.DisputeDecision;
import org.opennessledger.contracts.disputes.DisputeStage;
import org.opennessledger.contracts.queries.Queries.GetClaim;
import org.opennessledger.contracts.queries.Queries.GetClaimHistory;
import org.opennessledger.contracts.queries.Queries.GetDispute;
import org.opennessledger.contracts.queries.Queries.GetMatrix;
import org.opennessledger.contracts.queries.Queries.GetModel;
import org.opennessledger.contracts.queries.Queries.ListAssessmentVersions;
import org.opennessledger.contracts.queries.Queries.ListClaimDisputes;
import org.opennessledger.contracts.values.ClaimStatus;
import org.opennessledger.contracts.values.ClaimTarget;
import org.opennessledger.contracts.values.ComponentId;
import org.opennessledger.contracts.values.Openness;
import org.opennessledger.contracts.views.AssessedComponentView;
import org.opennessledger.contracts.views.AssessmentDiffView.ComponentChangeView;
import org.opennessledger.contracts.views.AssessmentVersionView;
import org.opennessledger.contracts.views.ClaimSummaryView;
import org.opennessledger.contracts.views.ClaimView;
import org.opennessledger.contracts.views.DisputeView;
import org.opennessledger.contracts.views.DisputeView.Appeal;
import org.opennessledger.contracts.views.DisputeView.Decision;
import org.opennessledger.contracts.views.HistoryEntryView;
import org.opennessledger.contracts.views.MatrixView;
import org.opennessledger.contracts.views.ModelView;

class DisputesTest {

    private static final ClaimTarget SMALL_WEIGHTS = ofRelease(SMALL, ComponentId.FINAL_WEIGHTS);
    private static final AssessedComponentView C1 =
            new AssessedComponentView("final-weights", "c1", "open", null, "release");
    private static final String REASON = "the licence changed to non-commercial";

    private final ReadSide readSide = ReadSide.tracking();

    @BeforeEach
    void acceptedClaim() {
        readSide.publish(family(LLAMA, "Llama 3"), "alice", "reviewer", null);
        readSide.publish(release(SMALL), "alice", "reviewer", null);
        readSide.publish(proposed("c1", SMALL_WEIGHTS, Openness.OPEN, null), "alice", "reviewer", null);
        readSide.publish(accepted("c1", SMALL_WEIGHTS), "dave", "reviewer", null);
    }

    @AfterEach
    void stop() {
        readSide.close();
    }

    @Test
    void aDisputeShowsItsOwnersDecisionsAndAppealAsItMovesThroughEveryState() {
        EventMessage<?> opened = open("d1");
        assertThat(dispute("d1")).isEqualTo(new DisputeView("d1", "c1", LLAMA, SMALL, "final-weights", "OPEN",
                "ACCEPTED", "erin", REASON, List.of(evidence("d1")), opened.getTimestamp(), null, null, List.of(),
                null, null, false));

        EventMessage<?> miaTakes = readSide.publish(taken("d1", "c1", "mia", null, DisputeStage.FIRST),
                "mia", "moderator", null);
        DisputeView taken = dispute("d1");
        assertThat(taken.state()).isEqualTo("TAKEN");
        assertThat(taken.ownerId()).isEqualTo("mia");
        assertThat(taken.ownedSince()).isEqualTo(miaTakes.getTimestamp());

        EventMessage<?> noahTakesOver = readSide.publish(taken("d1", "c1", "noah", "mia", DisputeStage.FIRST),
                "noah", "moderator", "mia is away");
        DisputeView takenOver = dispute("d1");
        assertThat(takenOver.state()).isEqualTo("TAKEN");
        assertThat(takenOver.ownerId()).isEqualTo("noah");
        assertThat(takenOver.ownedSince()).isEqualTo(noahTakesOver.getTimestamp());

        Instant until = noahTakesOver.getTimestamp().plus(Duration.ofDays(7));
        EventMessage<?> overturn = readSide.publish(firstDecision("d1", "c1", SMALL_WEIGHTS, DisputeDecision.OVERTURN,
                "noah", until), "noah", "moderator", null);
        Decision first = new Decision("FIRST", "overturn", "rationale of noah", "noah", overturn.getTimestamp(), false);
        DisputeView decided = dispute("d1");
        assertThat(decided.state()).isEqualTo("DECIDED");
        assertThat(decided.decisions()).containsExactly(first);
        assertThat(decided.appealableUntil()).isEqualTo(until);
        assertThat(decided.ownerId()).isNull();
        assertThat(decided.ownedSince()).isNull();
        assertThat(decided.closed()).isFalse();

        EventMessage<?> appeal = readSide.publish(appealed("d1", "c1", "alice", "the old terms still apply", "noah"),
                "alice", "reviewer", null);
        DisputeView appealedDispute = dispute("d1");
        assertThat(appealedDispute.state()).isEqualTo("APPEALED");
        assertThat(appealedDispute.appeal()).isEqualTo(new Appeal("alice", "the old terms still apply",
                appeal.getTimestamp()));
        assertThat(appealedDispute.ownerId()).isNull();

        EventMessage<?> miaTakesAppeal = readSide.publish(taken("d1", "c1", "mia", null, DisputeStage.APPEAL),
                "mia", "moderator", null);
        DisputeView appealTaken = dispute("d1");
        assertThat(appealTaken.state()).isEqualTo("APPEALED");
        assertThat(appealTaken.ownerId()).isEqualTo("mia");
        assertThat(appealTaken.ownedSince()).isEqualTo(miaTakesAppeal.getTimestamp());

        EventMessage<?> uphold = readSide.publish(appealDecision("d1", "c1", SMALL_WEIGHTS, DisputeDecision.UPHOLD,
                "mia"), "mia", "moderator", null);
        assertThat(dispute("d1")).isEqualTo(new DisputeView("d1", "c1", LLAMA, SMALL, "final-weights", "CLOSED",
                "ACCEPTED", "erin", REASON, List.of(evidence("d1")), opened.getTimestamp(), null, null,
                List.of(first, new Decision("APPEAL", "uphold", "rationale of mia", "mia", uphold.getTimestamp(), true)),
                new Appeal("alice", "the old terms still apply", appeal.getTimestamp()), until, true));
    }

    @Test
    void whenTheAppealWindowClosesTheFirstDecisionBecomesFinalAndTheDisputeCloses() {
        open("d1");
        readSide.publish(taken("d1", "c1", "mia", null, DisputeStage.FIRST), "mia", "moderator", null);
        Instant until = ReadSide.START.plus(Duration.ofDays(7));
        EventMessage<?> uphold = readSide.publish(firstDecision("d1", "c1", SMALL_WEIGHTS, DisputeDecision.UPHOLD,
                "mia", until), "mia", "moderator", null);
        readSide.publish(settled("c1", SMALL_WEIGHTS, "d1", DisputeStage.FIRST, DisputeDecision.UPHOLD,
                ClaimStatus.ACCEPTED, false, 2), "system", "system", null);
        assertThat(claim().openDisputeId()).isEqualTo("d1");

        readSide.publish(windowClosed("d1", "c1", SMALL_WEIGHTS, DisputeDecision.UPHOLD), "system", "system",
                "appeal window closed");
        DisputeView closed = dispute("d1");
        assertThat(closed.state()).isEqualTo("CLOSED");
        assertThat(closed.closed()).isTrue();
        assertThat(closed.decisions()).containsExactly(new Decision("FIRST", "uphold", "rationale of mia", "mia",
                uphold.getTimestamp(), true));
        assertThat(closed.appealableUntil()).isEqualTo(until);
        assertThat(closed.appeal()).isNull();

        readSide.publish(settled("c1", SMALL_WEIGHTS, "d1", DisputeStage.FIRST, DisputeDecision.UPHOLD,
                ClaimStatus.ACCEPTED, true, 3), "system", "system", null);
        assertThat(claim().openDisputeId()).isNull();
        assertThat(claim().status()).isEqualTo("ACCEPTED");
    }

    @Test
    void claimAndModelPagesFlagTheOpenDisputeAndAnOverturnAndItsReversalOnAppealPublishVersions() {
        open("d1");
        ClaimView disputed = claim();
        assertThat(disputed.openDisputeId()).isEqualTo("d1");
        assertThat(disputed.status()).isEqualTo("ACCEPTED");
        assertThat(summary().openDisputeId()).isEqualTo("d1");
        assertThat(summary().status()).isEqualTo("ACCEPTED");
        // Still in the assessment, flagged as disputed on the model page and in the matrix, while the
        // stored version keeps what was assessed.
        assertThat(currentComponents()).containsExactly(C1.withOpenDispute("d1"));
        assertThat(readSide.query(new GetMatrix(), instanceOf(MatrixView.class)).rows().get(0).cells())
                .containsEntry("final-weights", C1.withOpenDispute("d1"));
        assertThat(versions().get(0).components()).containsExactly(C1);

        // First stage: overturned, so the accepted claim is rejected and leaves the assessment.
        readSide.publish(taken("d1", "c1", "mia", null, DisputeStage.FIRST), "mia", "moderator", null);
        readSide.publish(firstDecision("d1", "c1", SMALL_WEIGHTS, DisputeDecision.OVERTURN, "mia",
                ReadSide.START.plus(Duration.ofDays(7))), "mia", "moderator", null);
        EventMessage<?> rejection = readSide.publish(rejected("c1", SMALL_WEIGHTS, true), "system", "system",
                "moderator mia decided dispute d1 at the first stage: overturn");
        readSide.publish(settled("c1", SMALL_WEIGHTS, "d1", DisputeStage.FIRST, DisputeDecision.OVERTURN,
                ClaimStatus.REJECTED, false, 2), "system", "system", null);
        ClaimView overturned = claim();
        assertThat(overturned.status()).isEqualTo("REJECTED");
        assertThat(overturned.statusSince()).isEqualTo(rejection.getTimestamp());
        assertThat(overturned.openDisputeId()).isEqualTo("d1");
        assertThat(summary().status()).isEqualTo("REJECTED");
        assertThat(summary().openDisputeId()).isEqualTo("d1");
        List<AssessmentVersionView> afterOverturn = versions();
        assertThat(afterOverturn).hasSize(2);
        assertThat(afterOverturn.get(1).causedByEvent()).isEqualTo("ClaimRejected");
        assertThat(afterOverturn.get(1).components()).isEmpty();
        assertThat(afterOverturn.get(1).diff().changes())
                .containsExactly(new ComponentChangeView("final-weights", "removed", C1, null));

        // Appeal: upheld, so the claim is accepted again (final) and returns to the assessment.
        readSide.publish(appealed("d1", "c1", "alice", "the old terms still apply", "mia"), "alice", "reviewer", null);
        readSide.publish(taken("d1", "c1", "noah", null, DisputeStage.APPEAL), "noah", "moderator", null);
        readSide.publish(appealDecision("d1", "c1", SMALL_WEIGHTS, DisputeDecision.UPHOLD, "noah"),
                "noah", "moderator", null);
        readSide.publish(accepted("c1", SMALL_WEIGHTS), "system", "system", null);
        readSide.publish(settled("c1", SMALL_WEIGHTS, "d1", DisputeStage.APPEAL, DisputeDecision.UPHOLD,
                ClaimStatus.ACCEPTED, true, 6), "system", "system", null);
        readSide.publish(locked("c1", SMALL_WEIGHTS), "system", "system", "dispute d1 decided for good");
        ClaimView settled = claim();
        assertThat(settled.status()).isEqualTo("ACCEPTED");
        assertThat(settled.locked()).isTrue();
        assertThat(settled.openDisputeId()).isNull();
        assertThat(summary()).isEqualTo(new ClaimSummaryView("c1", LLAMA, SMALL, "final-weights", "open", null,
                "ACCEPTED", true, "alice", claim().proposedAt(), 3, 0, null));
        List<AssessmentVersionView> afterAppeal = versions();
        assertThat(afterAppeal).hasSize(3);
        assertThat(afterAppeal.get(2).causedByEvent()).isEqualTo("ClaimAccepted");
        assertThat(afterAppeal.get(2).components()).containsExactly(C1);
        assertThat(currentComponents()).containsExactly(C1);
        // Status changes made by decisions say so; the review outcome before them quotes the policy.
        assertThat(readSide.query(new GetClaimHistory("c1"), multipleInstancesOf(HistoryEntryView.class)))
                .extracting(HistoryEntryView::summary)
                .contains("claim c1 accepted under policy v1 (3 agree, 0 disagree)",
                        "claim c1 rejected by the decision on dispute d1; it is no longer accepted",
                        "claim c1 accepted by the decision on dispute d1");
        assertThat(afterAppeal.get(2).diff().changes())
                .containsExactly(new ComponentChangeView("final-weights", "added", null, C1));
    }

    @Test
    void aClaimsDisputesAreListedOldestFirstAndUnknownOnesAreEmpty() {
        open("d1");
        readSide.publish(taken("d1", "c1", "mia", null, DisputeStage.FIRST), "mia", "moderator", null);
        readSide.publish(firstDecision("d1", "c1", SMALL_WEIGHTS, DisputeDecision.UPHOLD, "mia",
                ReadSide.START.plus(Duration.ofDays(7))), "mia", "moderator", null);
        readSide.publish(windowClosed("d1", "c1", SMALL_WEIGHTS, DisputeDecision.UPHOLD), "system", "system", null);
        readSide.publish(settled("c1", SMALL_WEIGHTS, "d1", DisputeStage.FIRST, DisputeDecision.UPHOLD,
                ClaimStatus.ACCEPTED, true, 3), "system", "system", null);
        // (The write side locks a claim after a final decision; the read side lists whatever it is told.)
        open("d2");
        readSide.awaitProjected();

        assertThat(readSide.query(new ListClaimDisputes("c1"), multipleInstancesOf(DisputeView.class)))
                .extracting(DisputeView::disputeId, DisputeView::state)
                .containsExactly(tuple("d1", "CLOSED"),
                        tuple("d2", "OPEN"));
        assertThat(claim().openDisputeId()).isEqualTo("d2");
        assertThat(readSide.query(new ListClaimDisputes("no-such-claim"), multipleInstancesOf(DisputeView.class)))
                .isEmpty();
        assertThat(readSide.query(new GetDispute("no-such-dispute"), optionalInstanceOf(DisputeView.class))).isEmpty();
    }

    /** The claim flags the dispute, then the dispute begins: the order the write side applies them in. */
    private EventMessage<?> open(String disputeId) {
        readSide.publish(claimDisputed("c1", SMALL_WEIGHTS, disputeId, "erin", ClaimStatus.ACCEPTED),
                "erin", "reviewer", REASON);
        return readSide.publish(disputeOpened(disputeId, "c1", SMALL_WEIGHTS, ClaimStatus.ACCEPTED, "erin", REASON),
                "erin", "reviewer", REASON);
    }

    private DisputeView dispute(String disputeId) {
        readSide.awaitProjected();
        return readSide.query(new GetDispute(disputeId), optionalInstanceOf(DisputeView.class)).orElseThrow();
    }

    private ClaimView claim() {
        readSide.awaitProjected();
        return readSide.query(new GetClaim("c1"), optionalInstanceOf(ClaimView.class)).orElseThrow();
    }

    private ClaimSummaryView summary() {
        readSide.awaitProjected();
        return readSide.query(new GetModel(LLAMA), optionalInstanceOf(ModelView.class)).orElseThrow().claims().get(0);
    }

    private List<AssessedComponentView> currentComponents() {
        readSide.awaitProjected();
        return readSide.query(new GetModel(LLAMA), optionalInstanceOf(ModelView.class)).orElseThrow()
                .releases().get(0).components();
    }

    private List<AssessmentVersionView> versions() {
        readSide.awaitProjected();
        return readSide.query(new ListAssessmentVersions(LLAMA, SMALL),
                multipleInstancesOf(AssessmentVersionView.class));
    }
}
