package org.opennessledger.assessments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.messaging.responsetypes.ResponseTypes.multipleInstancesOf;
import static org.opennessledger.assessments.Events.LLAMA;
import static org.opennessledger.assessments.Events.SMALL;
import static org.opennessledger.assessments.Events.accepted;
import static org.opennessledger.assessments.Events.family;
import static org.opennessledger.assessments.Events.locked;
import static org.opennessledger.assessments.Events.ofFamily;
import static org.opennessledger.assessments.Events.ofRelease;
import static org.opennessledger.assessments.Events.policy;
import static org.opennessledger.assessments.Events.proposed;
import static org.opennessledger.assessments.Events.recorded;
import static org.opennessledger.assessments.Events.release;
import static org.opennessledger.assessments.Events.reviewed;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opennessledger.contracts.queries.Queries.GetClaimHistory;
import org.opennessledger.contracts.queries.Queries.GetModelHistory;
import org.opennessledger.contracts.values.ClaimTarget;
import org.opennessledger.contracts.values.ComponentId;
import org.opennessledger.contracts.values.Openness;
import org.opennessledger.contracts.values.Verdict;
import org.opennessledger.contracts.views.HistoryEntryView;

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
}
