package org.opennessledger.assessments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.messaging.responsetypes.ResponseTypes.multipleInstancesOf;
import static org.opennessledger.assessments.Events.LLAMA;
import static org.opennessledger.assessments.Events.SMALL;
import static org.opennessledger.assessments.Events.accepted;
import static org.opennessledger.assessments.Events.appealed;
import static org.opennessledger.assessments.Events.claimDisputed;
import static org.opennessledger.assessments.Events.disputeOpened;
import static org.opennessledger.assessments.Events.family;
import static org.opennessledger.assessments.Events.firstDecision;
import static org.opennessledger.assessments.Events.ofRelease;
import static org.opennessledger.assessments.Events.proposed;
import static org.opennessledger.assessments.Events.rejected;
import static org.opennessledger.assessments.Events.release;
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
import org.opennessledger.contracts.queries.Queries.GetModerationQueue;
import org.opennessledger.contracts.values.ClaimStatus;
import org.opennessledger.contracts.values.ClaimTarget;
import org.opennessledger.contracts.values.ComponentId;
import org.opennessledger.contracts.values.Openness;
import org.opennessledger.contracts.views.ModerationQueueItemView;

/**
 * Five disputes, one per claim, each left in a different state: d1 TAKEN (then taken over), d2
 * OPEN, d3 DECIDED, d4 APPEALED and owned at the appeal stage, d5 CLOSED.
 */
class ModerationQueueTest {

    private static final String LONG_REASON = "The licence\nchanged   in 2025. " + "x".repeat(150);

    private final ReadSide readSide = ReadSide.tracking();
    private EventMessage<?> opened1;
    private EventMessage<?> firstTake1;
    private EventMessage<?> opened2;
    private EventMessage<?> opened4;
    private EventMessage<?> appeal4;

    @BeforeEach
    void disputesInEveryState() {
        readSide.publish(family(LLAMA, "Llama 3"), "alice", "reviewer", null);
        readSide.publish(release(SMALL), "alice", "reviewer", null);
        for (int i = 1; i <= 5; i++) {
            ClaimTarget target = target(i);
            readSide.publish(proposed("c" + i, target, Openness.OPEN, null), "alice", "reviewer", null);
            readSide.publish(i == 2 ? rejected("c2", target, false) : accepted("c" + i, target), "dave", "reviewer",
                    null);
        }
        opened1 = open(1, ClaimStatus.ACCEPTED, "weights were pulled");
        opened2 = open(2, ClaimStatus.REJECTED, LONG_REASON);
        open(3, ClaimStatus.ACCEPTED, "third");
        opened4 = open(4, ClaimStatus.ACCEPTED, "fourth");
        open(5, ClaimStatus.ACCEPTED, "fifth");
        Instant until = ReadSide.START.plus(Duration.ofDays(7));

        firstTake1 = readSide.publish(taken("d1", "c1", "mia", null, DisputeStage.FIRST), "mia", "moderator", null);
        readSide.publish(taken("d1", "c1", "noah", "mia", DisputeStage.FIRST), "noah", "moderator", null);
        for (int i : new int[] {3, 4, 5}) {
            readSide.publish(taken("d" + i, "c" + i, "mia", null, DisputeStage.FIRST), "mia", "moderator", null);
            readSide.publish(firstDecision("d" + i, "c" + i, target(i), DisputeDecision.UPHOLD, "mia", until),
                    "mia", "moderator", null);
        }
        appeal4 = readSide.publish(appealed("d4", "c4", "alice", "please look again", "mia"), "alice", "reviewer",
                null);
        readSide.publish(taken("d4", "c4", "noah", null, DisputeStage.APPEAL), "noah", "moderator", null);
        readSide.publish(windowClosed("d5", "c5", target(5), DisputeDecision.UPHOLD), "system", "system", null);
        readSide.awaitProjected();
    }

    @AfterEach
    void stop() {
        readSide.close();
    }

    @Test
    void theQueueListsOpenTakenAndAppealedDisputesLongestWaitingFirstWithOwnerAgeAndWhenTheyEnteredTheirState() {
        Instant now = ReadSide.START.plus(Duration.ofDays(2));
        readSide.queryTimeIs(now);

        List<ModerationQueueItemView> queue = queue(null);

        assertThat(queue).containsExactly(
                // A takeover keeps the time the dispute was first taken: its state did not change.
                new ModerationQueueItemView("dispute", "d1", "c1", LLAMA, "TAKEN", "noah", opened1.getTimestamp(),
                        firstTake1.getTimestamp(), secondsBetween(opened1, now),
                        "dispute of claim c1 (ACCEPTED): weights were pulled"),
                new ModerationQueueItemView("dispute", "d2", "c2", LLAMA, "OPEN", null, opened2.getTimestamp(),
                        opened2.getTimestamp(), secondsBetween(opened2, now),
                        "dispute of claim c2 (REJECTED): The licence changed in 2025. " + "x".repeat(91) + "…"),
                // An appeal waits from the moment it was appealed.
                new ModerationQueueItemView("dispute", "d4", "c4", LLAMA, "APPEALED", "noah", opened4.getTimestamp(),
                        appeal4.getTimestamp(), secondsBetween(appeal4, now),
                        "dispute of claim c4 (ACCEPTED): fourth"));
    }

    @Test
    void ageIsMeasuredAtQueryTime() {
        readSide.queryTimeIs(opened1.getTimestamp().plusSeconds(90));
        assertThat(queue("TAKEN")).singleElement().extracting(ModerationQueueItemView::ageSeconds).isEqualTo(90L);

        readSide.queryTimeIs(opened1.getTimestamp().plus(Duration.ofHours(1)));
        assertThat(queue("TAKEN")).singleElement().extracting(ModerationQueueItemView::ageSeconds).isEqualTo(3600L);
    }

    @Test
    void aStateNarrowsTheQueueWhateverItsCase() {
        assertThat(queue("taken")).extracting(ModerationQueueItemView::id).containsExactly("d1");
        assertThat(queue("Open")).extracting(ModerationQueueItemView::id).containsExactly("d2");
        assertThat(queue("APPEALED")).extracting(ModerationQueueItemView::id).containsExactly("d4");
    }

    @Test
    void aStateOutsideTheQueueIsRefusedWithTheStatesItAccepts() {
        for (String state : List.of("DECIDED", "closed", "bogus", "")) {
            Throwable failure = readSide.queryFailure(new GetModerationQueue(state),
                    multipleInstancesOf(ModerationQueueItemView.class));
            assertThat(failure).as(state).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("unknown moderation queue state \"" + state + "\": the queue holds disputes that are"
                            + " OPEN, TAKEN or APPEALED (give one of these, or none for all)");
        }
    }

    private static ClaimTarget target(int claim) {
        return ofRelease(SMALL, ComponentId.values()[claim]);
    }

    private EventMessage<?> open(int claim, ClaimStatus status, String reason) {
        readSide.publish(claimDisputed("c" + claim, target(claim), "d" + claim, "erin", status), "erin", "reviewer",
                null);
        return readSide.publish(disputeOpened("d" + claim, "c" + claim, target(claim), status, "erin", reason),
                "erin", "reviewer", null);
    }

    private List<ModerationQueueItemView> queue(String state) {
        return readSide.query(new GetModerationQueue(state), multipleInstancesOf(ModerationQueueItemView.class));
    }

    private static long secondsBetween(EventMessage<?> event, Instant now) {
        return Duration.between(event.getTimestamp(), now).getSeconds();
    }
}
