package org.opennessledger.assessments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.messaging.responsetypes.ResponseTypes.multipleInstancesOf;
import static org.axonframework.messaging.responsetypes.ResponseTypes.optionalInstanceOf;
import static org.opennessledger.assessments.Events.LLAMA;
import static org.opennessledger.assessments.Events.SMALL;
import static org.opennessledger.assessments.Events.accepted;
import static org.opennessledger.assessments.Events.family;
import static org.opennessledger.assessments.Events.ofRelease;
import static org.opennessledger.assessments.Events.proposed;
import static org.opennessledger.assessments.Events.rejected;
import static org.opennessledger.assessments.Events.release;
import static org.opennessledger.assessments.Events.superseded;

import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opennessledger.contracts.models.ModelProtected;
import org.opennessledger.contracts.models.ModelProtectionLifted;
import org.opennessledger.contracts.queries.Queries.GetModel;
import org.opennessledger.contracts.queries.Queries.GetModelHistory;
import org.opennessledger.contracts.values.ClaimTarget;
import org.opennessledger.contracts.values.ComponentId;
import org.opennessledger.contracts.values.Openness;
import org.opennessledger.contracts.views.HistoryEntryView;
import org.opennessledger.contracts.views.ModelView;
import org.opennessledger.contracts.views.ProtectionView;

class ProtectionTest {

    private final ReadSide readSide = ReadSide.tracking();

    @AfterEach
    void stop() {
        readSide.close();
    }

    private ModelView model() {
        readSide.awaitProjected();
        return readSide.query(new GetModel(LLAMA), optionalInstanceOf(ModelView.class)).orElseThrow();
    }

    @Test
    void protectionShowsOnTheModelPageAndBothChangesAreInTheHistoryWithTheirReason() {
        readSide.publish(family(LLAMA, "Llama 3"), "alice", "reviewer", null);
        assertThat(model().protection()).isNull();

        EventMessage<?> protection = readSide.publish(new ModelProtected(LLAMA, 3, "mia", "a wave of spam claims"),
                "mia", "moderator,reviewer", "Protected model " + LLAMA);
        assertThat(model().protection())
                .isEqualTo(new ProtectionView(3, protection.getTimestamp(), "mia", "a wave of spam claims"));

        readSide.publish(new ModelProtectionLifted(LLAMA, "noah", "the wave is over"), "noah", "moderator", null);
        assertThat(model().protection()).isNull();

        List<HistoryEntryView> history = readSide.query(new GetModelHistory(LLAMA),
                multipleInstancesOf(HistoryEntryView.class));
        assertThat(history).extracting(HistoryEntryView::summary).endsWith(
                "model llama-3 protected by moderator mia: new claims need 3 accepted claims of their proposer"
                        + " (reason: a wave of spam claims)",
                "protection of model llama-3 lifted by moderator noah (reason: the wave is over)");
        assertThat(history).extracting(HistoryEntryView::actorId).endsWith("mia", "noah");
    }

    @Test
    void acceptedClaimsAreCountedPerAuthorIncludingSupersededOnes() {
        ClaimTarget weights = ofRelease(SMALL, ComponentId.FINAL_WEIGHTS);
        ClaimTarget card = ofRelease(SMALL, ComponentId.MODEL_CARD);
        readSide.publish(family(LLAMA, "Llama 3"), "alice", "reviewer", null);
        readSide.publish(release(SMALL), "alice", "reviewer", null);
        readSide.publish(proposed("c1", weights, Openness.OPEN, null), "alice", "reviewer", null);
        readSide.publish(accepted("c1", weights), "dave", "reviewer", null);
        readSide.publish(proposed("c2", weights, Openness.PARTIAL, null), "alice", "reviewer", null);
        readSide.publish(accepted("c2", weights), "dave", "reviewer", null);
        readSide.publish(superseded("c1", weights, "c2"), "system", "system", null);
        readSide.publish(proposed("c3", card, Openness.OPEN, null), "alice", "reviewer", null);
        readSide.publish(rejected("c3", card, false), "dave", "reviewer", null);
        readSide.publish(proposed("c4", card, Openness.OPEN, null), "alice", "reviewer", null);
        readSide.awaitProjected();

        var counter = AssessmentsConfiguration.acceptedClaimsAuthoredBy(readSide.database);
        // c1 (superseded) and c2 (accepted) count; c3 (rejected) and c4 (proposed) do not
        assertThat(counter.applyAsLong("alice")).isEqualTo(2);
        assertThat(counter.applyAsLong("bob")).isZero();
    }
}
