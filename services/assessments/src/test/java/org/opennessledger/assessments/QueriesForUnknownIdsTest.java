package org.opennessledger.assessments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.messaging.responsetypes.ResponseTypes.instanceOf;
import static org.axonframework.messaging.responsetypes.ResponseTypes.multipleInstancesOf;
import static org.axonframework.messaging.responsetypes.ResponseTypes.optionalInstanceOf;
import static org.opennessledger.assessments.Events.LLAMA;
import static org.opennessledger.assessments.Events.SMALL;
import static org.opennessledger.assessments.Events.family;
import static org.opennessledger.assessments.Events.release;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opennessledger.contracts.queries.Queries.GetAssessmentVersion;
import org.opennessledger.contracts.queries.Queries.GetClaim;
import org.opennessledger.contracts.queries.Queries.GetClaimHistory;
import org.opennessledger.contracts.queries.Queries.GetDispute;
import org.opennessledger.contracts.queries.Queries.GetModerationQueue;
import org.opennessledger.contracts.queries.Queries.ListArguments;
import org.opennessledger.contracts.queries.Queries.ListClaimDisputes;
import org.opennessledger.contracts.queries.Queries.GetMatrix;
import org.opennessledger.contracts.queries.Queries.GetModel;
import org.opennessledger.contracts.queries.Queries.GetModelHistory;
import org.opennessledger.contracts.queries.Queries.ListAssessmentVersions;
import org.opennessledger.contracts.queries.Queries.ListModels;
import org.opennessledger.contracts.views.ArgumentView;
import org.opennessledger.contracts.views.AssessmentVersionView;
import org.opennessledger.contracts.views.DisputeView;
import org.opennessledger.contracts.views.ClaimView;
import org.opennessledger.contracts.views.HistoryEntryView;
import org.opennessledger.contracts.views.MatrixView;
import org.opennessledger.contracts.views.ModelSummaryView;
import org.opennessledger.contracts.views.ModelView;
import org.opennessledger.contracts.views.ModerationQueueItemView;

class QueriesForUnknownIdsTest {

    private final ReadSide readSide = ReadSide.tracking();

    @AfterEach
    void stop() {
        readSide.close();
    }

    @Test
    void emptyReadModelsAnswerWithEmptyListsAndAMatrixWithoutRows() {
        assertThat(readSide.query(new ListModels(), multipleInstancesOf(ModelSummaryView.class))).isEmpty();
        MatrixView matrix = readSide.query(new GetMatrix(), instanceOf(MatrixView.class));
        assertThat(matrix.rows()).isEmpty();
        assertThat(matrix.components()).isNotEmpty();
        assertThat(readSide.query(new GetModerationQueue(null),
                multipleInstancesOf(ModerationQueueItemView.class))).isEmpty();
    }

    @Test
    void unknownIdsGiveEmptyOptionalsAndEmptyLists() {
        readSide.publish(family(LLAMA, "Llama 3"), "alice", "reviewer", null);
        readSide.publish(release(SMALL), "alice", "reviewer", null);
        readSide.awaitProjected();

        assertThat(readSide.query(new GetModel("no-such-model"), optionalInstanceOf(ModelView.class))).isEmpty();
        assertThat(readSide.query(new GetModel(null), optionalInstanceOf(ModelView.class))).isEmpty();
        assertThat(readSide.query(new GetClaim("no-such-claim"), optionalInstanceOf(ClaimView.class))).isEmpty();
        assertThat(readSide.query(new ListAssessmentVersions("no-such-model", SMALL),
                multipleInstancesOf(AssessmentVersionView.class))).isEmpty();
        // A known but unassessed release has no versions either.
        assertThat(readSide.query(new ListAssessmentVersions(LLAMA, SMALL),
                multipleInstancesOf(AssessmentVersionView.class))).isEmpty();
        assertThat(readSide.query(new GetAssessmentVersion(LLAMA, SMALL, 1),
                optionalInstanceOf(AssessmentVersionView.class))).isEmpty();
        assertThat(readSide.query(new GetAssessmentVersion(LLAMA, SMALL, 0),
                optionalInstanceOf(AssessmentVersionView.class))).isEmpty();
        assertThat(readSide.query(new GetModelHistory("no-such-model"),
                multipleInstancesOf(HistoryEntryView.class))).isEmpty();
        assertThat(readSide.query(new GetClaimHistory("no-such-claim"),
                multipleInstancesOf(HistoryEntryView.class))).isEmpty();
        assertThat(readSide.query(new ListArguments("no-such-claim"), multipleInstancesOf(ArgumentView.class)))
                .isEmpty();
        assertThat(readSide.query(new GetDispute("no-such-dispute"), optionalInstanceOf(DisputeView.class))).isEmpty();
        assertThat(readSide.query(new GetDispute(null), optionalInstanceOf(DisputeView.class))).isEmpty();
        assertThat(readSide.query(new ListClaimDisputes("no-such-claim"), multipleInstancesOf(DisputeView.class)))
                .isEmpty();
        assertThat(readSide.query(new ListClaimDisputes(null), multipleInstancesOf(DisputeView.class))).isEmpty();
    }
}
