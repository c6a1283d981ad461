package org.opennessledger.assessments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.messaging.responsetypes.ResponseTypes.multipleInstancesOf;
import static org.opennessledger.assessments.Events.LLAMA;
import static org.opennessledger.assessments.Events.SMALL;
import static org.opennessledger.assessments.Events.accepted;
import static org.opennessledger.assessments.Events.family;
import static org.opennessledger.assessments.Events.ofRelease;
import static org.opennessledger.assessments.Events.proposed;
import static org.opennessledger.assessments.Events.release;

import org.junit.jupiter.api.Test;
import org.opennessledger.contracts.queries.Queries.GetModelHistory;
import org.opennessledger.contracts.queries.Queries.ListAssessmentVersions;
import org.opennessledger.contracts.values.ComponentId;
import org.opennessledger.contracts.values.Openness;
import org.opennessledger.contracts.views.AssessmentVersionView;
import org.opennessledger.contracts.views.HistoryEntryView;

/** Subscribing processors deliver no tracking token: the projections still run and number the history themselves. */
class SubscribingProcessorTest {

    @Test
    void projectionsRunWithoutTrackingTokensAndNumberHistoryInDeliveryOrder() {
        try (ReadSide readSide = ReadSide.subscribing()) {
            readSide.publish(family(LLAMA, "Llama 3"), "alice", "reviewer", null);
            readSide.publish(release(SMALL), "alice", "reviewer", null);
            readSide.publish(proposed("c1", ofRelease(SMALL, ComponentId.FINAL_WEIGHTS), Openness.OPEN, null),
                    "alice", "reviewer", null);
            readSide.publish(accepted("c1", ofRelease(SMALL, ComponentId.FINAL_WEIGHTS)), "dave", "reviewer", null);

            assertThat(readSide.query(new GetModelHistory(LLAMA), multipleInstancesOf(HistoryEntryView.class)))
                    .extracting(HistoryEntryView::position).containsExactly(0L, 1L, 2L, 3L);
            assertThat(readSide.query(new ListAssessmentVersions(LLAMA, SMALL),
                    multipleInstancesOf(AssessmentVersionView.class))).hasSize(1);
        }
    }
}
