package org.opennessledger.assessments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.messaging.responsetypes.ResponseTypes.instanceOf;
import static org.axonframework.messaging.responsetypes.ResponseTypes.multipleInstancesOf;
import static org.opennessledger.assessments.Events.LLAMA;
import static org.opennessledger.assessments.Events.SMALL;
import static org.opennessledger.assessments.Events.accepted;
import static org.opennessledger.assessments.Events.appealDecision;
import static org.opennessledger.assessments.Events.appealed;
import static org.opennessledger.assessments.Events.argument;
import static org.opennessledger.assessments.Events.claimDisputed;
import static org.opennessledger.assessments.Events.disputeOpened;
import static org.opennessledger.assessments.Events.edited;
import static org.opennessledger.assessments.Events.family;
import static org.opennessledger.assessments.Events.firstDecision;
import static org.opennessledger.assessments.Events.locked;
import static org.opennessledger.assessments.Events.ofFamily;
import static org.opennessledger.assessments.Events.ofRelease;
import static org.opennessledger.assessments.Events.policy;
import static org.opennessledger.assessments.Events.proposed;
import static org.opennessledger.assessments.Events.recorded;
import static org.opennessledger.assessments.Events.rejected;
import static org.opennessledger.assessments.Events.release;
import static org.opennessledger.assessments.Events.reviewed;
import static org.opennessledger.assessments.Events.settled;
import static org.opennessledger.assessments.Events.taken;
import static org.opennessledger.assessments.Events.windowClosed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opennessledger.assessments.readmodel.ReadModels;
import org.opennessledger.contracts.disputes.DisputeDecision;
import org.opennessledger.contracts.disputes.DisputeStage;
import org.opennessledger.contracts.queries.Queries.GetClaimHistory;
import org.opennessledger.contracts.queries.Queries.GetModelHistory;
import org.opennessledger.contracts.queries.Queries.GetTimeline;
import org.opennessledger.contracts.moderation.ContentFlagged;
import org.opennessledger.contracts.moderation.FlagReason;
import org.opennessledger.contracts.values.ClaimStatus;
import org.opennessledger.contracts.values.ClaimTarget;
import org.opennessledger.contracts.values.ComponentId;
import org.opennessledger.contracts.values.Openness;
import org.opennessledger.contracts.values.Stance;
import org.opennessledger.contracts.values.Verdict;
import org.opennessledger.contracts.views.HistoryEntryView;
import org.opennessledger.contracts.views.TimelinePageView;

class HistoryTest {

    private static final ClaimTarget SMALL_WEIGHTS = ofRelease(SMALL, ComponentId.FINAL_WEIGHTS);

    private final ReadSide readSide = ReadSide.tracking();

    @AfterEach
    void stop() {
        readSide.close();
    }

    @Test
    void modelAndClaimHistoriesListEveryStepWithActorAndReasonOldestFirst() {
        List<EventMessage<?>> modelEvents = new ArrayList<>();
        readSide.publish(policy(), "root", "admin", "initial thresholds");
        modelEvents.add(readSide.publish(family(LLAMA, "Llama 3"), "alice", "reviewer", "adding Llama 3"));
        modelEvents.add(readSide.publish(release(SMALL), "alice", "reviewer", null));
        modelEvents.add(readSide.publish(proposed("c1", SMALL_WEIGHTS, Openness.OPEN, "LicenseRef-llama3.1"),
                "alice", "reviewer", "weights are on the hub"));
        modelEvents.add(readSide.publish(reviewed("c1", "bob", Verdict.AGREE, null, null, 1, 0),
                "bob", "reviewer", null));
        modelEvents.add(readSide.publish(reviewed("c1", "carol", Verdict.DISAGREE, "gated download", null, 1, 1),
                "carol", "reviewer", null));
        modelEvents.add(readSide.publish(reviewed("c1", "carol", Verdict.AGREE, null, Verdict.DISAGREE, 2, 0),
                "carol", "reviewer,moderator", "changed my mind"));
        modelEvents.add(readSide.publish(accepted("c1", SMALL_WEIGHTS), "carol", "reviewer,moderator",
                "changed my mind"));
        modelEvents.add(readSide.publish(recorded(SMALL_WEIGHTS, "c1", null), "system", "system", null));
        modelEvents.add(readSide.publish(locked("c1", SMALL_WEIGHTS), "system", "system", "lock period elapsed"));
        readSide.publish(family("other", "Other"), "alice", "reviewer", null);
        modelEvents.add(readSide.publish(proposed("c2", ofFamily(ComponentId.MODEL_CARD), Openness.OPEN, null),
                "alice", "reviewer", null));
        readSide.awaitProjected();

        List<HistoryEntryView> model = readSide.query(new GetModelHistory(LLAMA),
                multipleInstancesOf(HistoryEntryView.class));
        assertThat(model).extracting(HistoryEntryView::summary).containsExactly(
                "model family \"Llama 3\" by Meta registered",
                "release \"LLAMA-3.1-8B\" (version 3.1) registered in model family llama-3",
                "alice proposed claim c1: final-weights of release llama-3.1-8b is open under licence LicenseRef-llama3.1",
                "bob agreed with claim c1",
                "carol disagreed with claim c1: gated download",
                "carol agreed with claim c1 (changed from disagree)",
                "claim c1 accepted under policy v1 (3 agree, 0 disagree)",
                "claim c1 recorded as the accepted claim for final-weights of release llama-3.1-8b",
                "claim c1 locked as ACCEPTED",
                "alice proposed claim c2: model-card of every release of llama-3 is open");
        assertThat(model).extracting(HistoryEntryView::eventType).containsExactly("ModelFamilyRegistered",
                "ReleaseRegistered", "ClaimProposed", "ClaimReviewed", "ClaimReviewed", "ClaimReviewed",
                "ClaimAccepted", "AcceptedClaimRecorded", "ClaimLocked", "ClaimProposed");
        assertThat(model).extracting(HistoryEntryView::at)
                .containsExactlyElementsOf(modelEvents.stream().map(EventMessage::getTimestamp).toList());
        // Positions are the events' global indexes in the store (0 is the policy, 10 the other family).
        assertThat(model).extracting(HistoryEntryView::position)
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 11L);
        assertThat(model).allSatisfy(entry -> assertThat(entry.modelId()).isEqualTo(LLAMA));

        HistoryEntryView change = model.get(5);
        assertThat(change.actorId()).isEqualTo("carol");
        assertThat(change.actorRoles()).isEqualTo("reviewer,moderator");
        assertThat(change.reason()).isEqualTo("changed my mind");
        assertThat(change.correlationId()).isEqualTo("corr-carol");
        assertThat(change.releaseId()).isEqualTo(SMALL);
        assertThat(change.claimId()).isEqualTo("c1");
        assertThat(model.get(0).reason()).isEqualTo("adding Llama 3");
        assertThat(model.get(8).actorId()).isEqualTo("system");
        assertThat(model.get(8).reason()).isEqualTo("lock period elapsed");

        List<HistoryEntryView> claim = readSide.query(new GetClaimHistory("c1"),
                multipleInstancesOf(HistoryEntryView.class));
        assertThat(claim).extracting(HistoryEntryView::eventType).containsExactly("ClaimProposed", "ClaimReviewed",
                "ClaimReviewed", "ClaimReviewed", "ClaimAccepted", "AcceptedClaimRecorded", "ClaimLocked");
        assertThat(claim).containsExactlyElementsOf(model.subList(2, 9));
        assertThat(claim.get(0).actorId()).isEqualTo("alice");
        assertThat(claim.get(0).reason()).isEqualTo("weights are on the hub");
    }

    @Test
    void theWholeHistoryIsNewestFirstAndStartsFromTheLastHandledEventEvenWithoutAnEntry() {
        readSide.publish(family(LLAMA, "Llama 3"), "alice", "reviewer", null);
        readSide.publish(release(SMALL), "alice", "reviewer", null);
        readSide.publish(proposed("c1", SMALL_WEIGHTS, Openness.OPEN, null), "alice", "reviewer", null);
        // flags are for moderators, not the public history: the last two events leave no entry, yet were handled
        readSide.publish(new ContentFlagged("c1", SMALL_WEIGHTS, null, "f1", "bob", FlagReason.MISLEADING, "wrong"),
                "bob", "reviewer", null);
        readSide.publish(new ContentFlagged("c1", SMALL_WEIGHTS, null, "f2", "dave", FlagReason.SPAM, "spam"),
                "dave", "reviewer", null);
        readSide.awaitProjected();

        assertThat(readSide.database.getCollection(ReadModels.HISTORY_HEAD).find().first().get("position", Number.class)
                .longValue()).isEqualTo(4);
        TimelinePageView newest = readSide.query(new GetTimeline("all", null, List.of(), null, null, null, true, 2),
                instanceOf(TimelinePageView.class));
        assertThat(newest.entries()).extracting(HistoryEntryView::eventType)
                .containsExactly("ClaimProposed", "ReleaseRegistered");
        assertThat(newest.next()).isEqualTo(1);
        TimelinePageView rest = readSide.query(new GetTimeline("all", null, List.of(), null, null, newest.next(), true, 2),
                instanceOf(TimelinePageView.class));
        assertThat(rest.entries()).extracting(HistoryEntryView::eventType).containsExactly("ModelFamilyRegistered");
        assertThat(rest.next()).isNull();
    }

    @Test
    void debateAndDisputeEventsAppearInTheClaimAndModelTimelinesWithWhoAndWhy() {
        ClaimTarget cardTarget = ofRelease(SMALL, ComponentId.MODEL_CARD);
        Instant until = Instant.parse("2025-03-08T09:30:00Z");
        readSide.publish(family(LLAMA, "Llama 3"), "alice", "reviewer", null);
        readSide.publish(release(SMALL), "alice", "reviewer", null);
        readSide.publish(proposed("c1", SMALL_WEIGHTS, Openness.OPEN, null), "alice", "reviewer", null);
        readSide.publish(accepted("c1", SMALL_WEIGHTS), "dave", "reviewer", null);
        readSide.publish(argument("c1", "a1", null, Stance.CON, "gated", "bob"), "bob", "reviewer", null);
        readSide.publish(argument("c1", "a2", "a1", Stance.QUESTION, "since when?", "carol"), "carol", "reviewer", null);
        readSide.publish(argument("c1", "a3", null, Stance.PRO, "open", "dave"), "dave", "reviewer", null);
        readSide.publish(edited("c1", "a1", 2, "gated since May", true, "bob"), "bob", "reviewer", "added the date");
        readSide.publish(claimDisputed("c1", SMALL_WEIGHTS, "d1", "erin", ClaimStatus.ACCEPTED), "erin", "reviewer",
                "licence changed");
        readSide.publish(disputeOpened("d1", "c1", SMALL_WEIGHTS, ClaimStatus.ACCEPTED, "erin",
                "the licence changed\nto non-commercial"), "erin", "reviewer", "licence changed");
        readSide.publish(taken("d1", "c1", "mia", null, DisputeStage.FIRST), "mia", "moderator", null);
        readSide.publish(taken("d1", "c1", "noah", "mia", DisputeStage.FIRST), "noah", "reviewer,moderator",
                "mia is away");
        readSide.publish(firstDecision("d1", "c1", SMALL_WEIGHTS, DisputeDecision.OVERTURN, "noah", until),
                "noah", "reviewer,moderator", null);
        readSide.publish(rejected("c1", SMALL_WEIGHTS, true), "system", "system", "dispute d1 decided");
        readSide.publish(settled("c1", SMALL_WEIGHTS, "d1", DisputeStage.FIRST, DisputeDecision.OVERTURN,
                ClaimStatus.REJECTED, false, 3), "system", "system", "dispute d1 decided");
        readSide.publish(appealed("d1", "c1", "alice", "the old terms apply", "noah"), "alice", "reviewer", null);
        readSide.publish(taken("d1", "c1", "mia", null, DisputeStage.APPEAL), "mia", "moderator", null);
        readSide.publish(appealDecision("d1", "c1", SMALL_WEIGHTS, DisputeDecision.UPHOLD, "mia"), "mia",
                "moderator", null);
        readSide.publish(accepted("c1", SMALL_WEIGHTS), "system", "system", null);
        readSide.publish(settled("c1", SMALL_WEIGHTS, "d1", DisputeStage.APPEAL, DisputeDecision.UPHOLD,
                ClaimStatus.ACCEPTED, true, 6), "system", "system", null);
        // A second claim whose dispute ends when its appeal window closes.
        readSide.publish(proposed("c2", cardTarget, Openness.OPEN, null), "alice", "reviewer", null);
        readSide.publish(accepted("c2", cardTarget), "dave", "reviewer", null);
        readSide.publish(claimDisputed("c2", cardTarget, "d2", "erin", ClaimStatus.ACCEPTED), "erin", "reviewer", null);
        readSide.publish(disputeOpened("d2", "c2", cardTarget, ClaimStatus.ACCEPTED, "erin", "x".repeat(200)),
                "erin", "reviewer", null);
        readSide.publish(windowClosed("d2", "c2", cardTarget, DisputeDecision.UPHOLD), "system", "system",
                "appeal window of dispute d2 closed");
        readSide.awaitProjected();

        List<HistoryEntryView> claim = readSide.query(new GetClaimHistory("c1"),
                multipleInstancesOf(HistoryEntryView.class));
        assertThat(claim).extracting(HistoryEntryView::summary).containsExactly(
                "alice proposed claim c1: final-weights of release llama-3.1-8b is open",
                "claim c1 accepted under policy v1 (3 agree, 0 disagree)",
                "bob posted a con argument on claim c1",
                "carol posted a question on claim c1 in reply to argument a1",
                "dave posted a pro argument on claim c1",
                "bob edited argument a1 on claim c1 (revision 2, after a reply)",
                "erin disputed claim c1 (ACCEPTED) in dispute d1",
                "dispute d1 of claim c1 (ACCEPTED) opened by erin: the licence changed to non-commercial",
                "mia took dispute d1",
                "noah took over dispute d1 from mia",
                "noah overturned claim c1 in dispute d1 (first stage); appealable until 2025-03-08T09:30:00Z",
                "claim c1 rejected by the decision on dispute d1; it is no longer accepted",
                "claim c1 dispute d1 settled: overturn at the first stage, claim is REJECTED (open to appeal)",
                "alice appealed dispute d1 of claim c1: the old terms apply",
                "mia took dispute d1 (appeal)",
                "mia upheld claim c1 in dispute d1 (appeal, final)",
                "claim c1 accepted by the decision on dispute d1",
                "claim c1 dispute d1 settled: uphold on appeal, claim is ACCEPTED (final)");
        assertThat(claim).extracting(HistoryEntryView::eventType).containsSubsequence("ArgumentPosted",
                "ArgumentEdited", "ClaimDisputed", "DisputeOpened", "DisputeTaken", "DisputeResolved",
                "ClaimDisputeSettled", "DisputeAppealed", "DisputeResolved", "ClaimDisputeSettled");
        // Events that name only the claim (arguments) or the dispute (take, appeal) are placed on the model too.
        assertThat(claim).allSatisfy(entry -> {
            assertThat(entry.modelId()).isEqualTo(LLAMA);
            assertThat(entry.releaseId()).isEqualTo(SMALL);
            assertThat(entry.claimId()).isEqualTo("c1");
        });

        HistoryEntryView edit = claim.get(5);
        assertThat(edit.actorId()).isEqualTo("bob");
        assertThat(edit.reason()).isEqualTo("added the date");
        HistoryEntryView takeover = claim.get(9);
        assertThat(takeover.actorId()).isEqualTo("noah");
        assertThat(takeover.actorRoles()).isEqualTo("reviewer,moderator");
        assertThat(takeover.reason()).isEqualTo("mia is away");
        assertThat(takeover.correlationId()).isEqualTo("corr-noah");

        List<HistoryEntryView> model = readSide.query(new GetModelHistory(LLAMA),
                multipleInstancesOf(HistoryEntryView.class));
        assertThat(model).containsSubsequence(claim);
        assertThat(model.subList(model.size() - 2, model.size())).extracting(HistoryEntryView::summary)
                .containsExactly("dispute d2 of claim c2 (ACCEPTED) opened by erin: " + "x".repeat(120) + "…",
                        "appeal window of dispute d2 closed; decision final (uphold)");
        assertThat(model.get(model.size() - 1).actorId()).isEqualTo("system");
        assertThat(model.get(model.size() - 1).claimId()).isEqualTo("c2");
    }
}
