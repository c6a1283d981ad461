package org.opennessledger.assessments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.tuple;
import static org.axonframework.messaging.responsetypes.ResponseTypes.instanceOf;
import static org.axonframework.messaging.responsetypes.ResponseTypes.multipleInstancesOf;
import static org.axonframework.messaging.responsetypes.ResponseTypes.optionalInstanceOf;
import static org.opennessledger.assessments.Events.LARGE;
import static org.opennessledger.assessments.Events.LLAMA;
import static org.opennessledger.assessments.Events.SMALL;
import static org.opennessledger.assessments.Events.accepted;
import static org.opennessledger.assessments.Events.family;
import static org.opennessledger.assessments.Events.ofFamily;
import static org.opennessledger.assessments.Events.ofRelease;
import static org.opennessledger.assessments.Events.proposed;
import static org.opennessledger.assessments.Events.recorded;
import static org.opennessledger.assessments.Events.rejected;
import static org.opennessledger.assessments.Events.release;
import static org.opennessledger.assessments.Events.reopened;
import static org.opennessledger.assessments.Events.superseded;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennessledger.contracts.claims.ClaimReinstated;
import org.opennessledger.contracts.queries.Queries.GetAssessmentVersion;
import org.opennessledger.contracts.queries.Queries.GetClaim;
import org.opennessledger.contracts.queries.Queries.GetMatrix;
import org.opennessledger.contracts.queries.Queries.GetModel;
import org.opennessledger.contracts.queries.Queries.ListAssessmentVersions;
import org.opennessledger.contracts.values.ClaimStatus;
import org.opennessledger.contracts.values.ClaimTarget;
import org.opennessledger.contracts.values.ComponentId;
import org.opennessledger.contracts.values.LedgerMetaData;
import org.opennessledger.contracts.values.Openness;
import org.opennessledger.contracts.views.AssessedComponentView;
import org.opennessledger.contracts.views.AssessmentDiffView;
import org.opennessledger.contracts.views.AssessmentDiffView.ComponentChangeView;
import org.opennessledger.contracts.views.AssessmentVersionView;
import org.opennessledger.contracts.views.ClaimView;
import org.opennessledger.contracts.views.FrameworkScoresView;
import org.opennessledger.contracts.views.MatrixView;
import org.opennessledger.contracts.views.ModelView;
import org.opennessledger.contracts.views.ReleaseView;

class AssessmentVersionsTest {

    private static final ClaimTarget SMALL_WEIGHTS = ofRelease(SMALL, ComponentId.FINAL_WEIGHTS);
    private static final ClaimTarget SMALL_CARD = ofRelease(SMALL, ComponentId.MODEL_CARD);
    private static final ClaimTarget FAMILY_WEIGHTS = ofFamily(ComponentId.FINAL_WEIGHTS);
    private static final AssessedComponentView C1 =
            new AssessedComponentView("final-weights", "c1", "open", "LicenseRef-llama3.1", "release");

    private final ReadSide readSide = ReadSide.tracking();

    @BeforeEach
    void registerFamilyWithOneRelease() {
        readSide.publish(family(LLAMA, "Llama 3"), "alice", "reviewer", null);
        readSide.publish(release(SMALL), "alice", "reviewer", null);
    }

    @AfterEach
    void stop() {
        readSide.close();
    }

    @Test
    void acceptedClaimPublishesVersionOneWithTheComponentAdded() {
        propose("c1", SMALL_WEIGHTS, Openness.OPEN);
        EventMessage<?> acceptance = accept("c1", SMALL_WEIGHTS);
        readSide.awaitProjected();

        List<AssessmentVersionView> versions = versions(SMALL);
        assertThat(versions).usingRecursiveFieldByFieldElementComparatorIgnoringFields("scores")
                .containsExactly(new AssessmentVersionView(LLAMA, SMALL, 1, acceptance.getTimestamp(),
                "c1", "ClaimAccepted", List.of(C1),
                new AssessmentDiffView(0, 1, List.of(new ComponentChangeView("final-weights", "added", null, C1)))));
        assertThat(version(SMALL, 1)).contains(versions.get(0));
        // Scored with the version: open end-model weights are 1 of the OSAI index's 12 dimensions, and
        // OSAID still misses data information and code (the parameters are met).
        FrameworkScoresView scores = versions.get(0).scores();
        assertThat(scores.osaiIndex().score()).isCloseTo(1.0 / 12, within(1e-12));
        assertThat(scores.osaiIndex().classes()).containsEntry("weights_endmodel", "open")
                .containsEntry("weights_basemodel", "");
        assertThat(scores.osaid().qualifies()).isFalse();
        assertThat(scores.osaid().failing()).containsOnlyKeys("data-information", "code");

        ReleaseView release = model().releases().get(0);
        assertThat(release.assessmentVersion()).isEqualTo(1);
        assertThat(release.components()).containsExactly(C1);
        assertThat(model().claims().get(0).status()).isEqualTo("ACCEPTED");

        MatrixView matrix = readSide.query(new GetMatrix(), instanceOf(MatrixView.class));
        assertThat(matrix.components()).hasSize(ComponentId.values().length).startsWith("model-architecture-code");
        assertThat(matrix.rows()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("scores")
                .containsExactly(new MatrixView.Row(LLAMA, "Llama 3", SMALL, "LLAMA-3.1-8B", 1,
                Map.of("final-weights", C1), null, "Meta", "text"));
        // the matrix shows the same scores as the current assessment version
        assertThat(matrix.rows().get(0).scores()).isEqualTo(scores);
        assertThat(release.scores()).isEqualTo(scores);
    }

    @Test
    void newerAcceptedClaimForTheSameTargetChangesTheAssessmentAndSupersedesTheFirst() {
        propose("c1", SMALL_WEIGHTS, Openness.OPEN);
        accept("c1", SMALL_WEIGHTS);
        propose("c2", SMALL_WEIGHTS, Openness.PARTIAL);
        EventMessage<?> secondAcceptance = accept("c2", SMALL_WEIGHTS);
        readSide.publish(recorded(SMALL_WEIGHTS, "c2", "c1"), "system", "system", null);
        EventMessage<?> supersession = readSide.publish(superseded("c1", SMALL_WEIGHTS, "c2"), "system", "system",
                null);
        readSide.awaitProjected();

        AssessedComponentView c2 =
                new AssessedComponentView("final-weights", "c2", "partial", "LicenseRef-llama3.1", "release");
        // Superseding c1, which is no longer used, changes nothing: two versions, not three.
        assertThat(versions(SMALL)).extracting(AssessmentVersionView::version).containsExactly(1, 2);
        AssessmentVersionView second = version(SMALL, 2).orElseThrow();
        assertThat(second.publishedAt()).isEqualTo(secondAcceptance.getTimestamp());
        assertThat(second.causedByClaimId()).isEqualTo("c2");
        assertThat(second.components()).containsExactly(c2);
        assertThat(second.diff()).isEqualTo(new AssessmentDiffView(1, 2,
                List.of(new ComponentChangeView("final-weights", "changed", C1, c2))));

        ClaimView first = claim("c1");
        assertThat(first.status()).isEqualTo("SUPERSEDED");
        assertThat(first.supersededBy()).isEqualTo("c2");
        assertThat(first.supersededReason()).isEqualTo("a newer claim for the same target was accepted");
        assertThat(first.statusSince()).isEqualTo(supersession.getTimestamp());
        assertThat(claim("c2").status()).isEqualTo("ACCEPTED");
        assertThat(model().claims()).extracting(c -> c.claimId() + ":" + c.status())
                .containsExactly("c1:SUPERSEDED", "c2:ACCEPTED");
        assertThat(model().releases().get(0).assessmentVersion()).isEqualTo(2);
    }

    @Test
    void aReinstatedClaimIsTheAssessmentAgainInANewVersion() {
        propose("c1", SMALL_WEIGHTS, Openness.OPEN);
        accept("c1", SMALL_WEIGHTS);
        propose("c2", SMALL_WEIGHTS, Openness.PARTIAL);
        accept("c2", SMALL_WEIGHTS);
        readSide.publish(superseded("c1", SMALL_WEIGHTS, "c2"), "system", "system", null);
        readSide.publish(rejected("c2", SMALL_WEIGHTS, true), "system", "system", null);
        EventMessage<?> reinstatement = readSide.publish(
                new ClaimReinstated("c1", SMALL_WEIGHTS, "c2", Events.POLICY), "system", "system", null);
        readSide.awaitProjected();

        // c1, then c2, then nothing (c2 rejected), then c1 again
        assertThat(versions(SMALL)).extracting(AssessmentVersionView::version).containsExactly(1, 2, 3, 4);
        AssessmentVersionView fourth = version(SMALL, 4).orElseThrow();
        assertThat(fourth.components()).containsExactly(C1);
        assertThat(fourth.causedByClaimId()).isEqualTo("c1");
        assertThat(fourth.publishedAt()).isEqualTo(reinstatement.getTimestamp());
        ClaimView c1 = claim("c1");
        assertThat(c1.status()).isEqualTo("ACCEPTED");
        assertThat(c1.supersededBy()).isNull();
        assertThat(c1.statusSince()).isEqualTo(reinstatement.getTimestamp());
        assertThat(model().releases().get(0).components()).containsExactly(C1);
        assertThat(model().claims()).extracting(c -> c.claimId() + ":" + c.status())
                .containsExactly("c1:ACCEPTED", "c2:REJECTED");
    }

    @Test
    void changesReplayedFromOneSourceCommitMakeOneVersionDatedByTheCommit() {
        Instant commit = Instant.parse("2025-03-04T13:16:02Z");
        Instant nextCommit = Instant.parse("2025-03-10T21:44:20Z");
        importAt("c1", SMALL_WEIGHTS, commit);
        importAt("c2", SMALL_CARD, commit);
        importAt("c3", ofRelease(SMALL, ComponentId.PREPRINT), nextCommit);
        readSide.awaitProjected();

        List<AssessmentVersionView> versions = versions(SMALL);
        assertThat(versions).extracting(AssessmentVersionView::version).containsExactly(1, 2);
        assertThat(versions.get(0).publishedAt()).isEqualTo(commit);
        assertThat(versions.get(0).components()).extracting(AssessedComponentView::claimId).containsExactly("c1", "c2");
        assertThat(versions.get(0).diff().changes()).extracting(ComponentChangeView::kind).containsExactly("added", "added");
        assertThat(versions.get(1).publishedAt()).isEqualTo(nextCommit);
        assertThat(versions.get(1).diff().changes()).singleElement()
                .satisfies(change -> assertThat(change.component()).isEqualTo("preprint"));
    }

    /** An imported acceptance as a history replay sends it: same request, dated by its commit. */
    private void importAt(String claimId, ClaimTarget target, Instant effectiveAt) {
        propose(claimId, target, Openness.OPEN);
        readSide.publish(readSide.message(accepted(claimId, target), "ada", "admin", null).andMetaData(
                Map.of(LedgerMetaData.EFFECTIVE_AT, effectiveAt.toString())));
    }

    @Test
    void familyWideClaimAppliesToEveryReleaseWithoutItsOwnClaim() {
        readSide.publish(release(LARGE), "alice", "reviewer", null);
        propose("c1", SMALL_WEIGHTS, Openness.OPEN);
        accept("c1", SMALL_WEIGHTS);
        propose("cf", FAMILY_WEIGHTS, Openness.CLOSED);
        accept("cf", FAMILY_WEIGHTS);
        EventMessage<?> lateRelease = readSide.publish(release("llama-3.2-1b"), "alice", "reviewer", null);
        readSide.awaitProjected();

        AssessedComponentView familyWide =
                new AssessedComponentView("final-weights", "cf", "closed", "LicenseRef-llama3.1", "family");
        // The release with its own accepted claim keeps it.
        assertThat(versions(SMALL)).hasSize(1);
        assertThat(version(SMALL, 1).orElseThrow().components()).containsExactly(C1);
        // The release without one takes the family-wide claim.
        AssessmentVersionView large = version(LARGE, 1).orElseThrow();
        assertThat(large.causedByClaimId()).isEqualTo("cf");
        assertThat(large.components()).containsExactly(familyWide);
        // A release registered later starts with it.
        AssessmentVersionView late = version("llama-3.2-1b", 1).orElseThrow();
        assertThat(late.publishedAt()).isEqualTo(lateRelease.getTimestamp());
        assertThat(late.causedByEvent()).isEqualTo("ReleaseRegistered");
        assertThat(late.causedByClaimId()).isNull();
        assertThat(late.diff().changes()).containsExactly(
                new ComponentChangeView("final-weights", "added", null, familyWide));

        // When the release's own claim is rejected, the family-wide claim takes its place.
        readSide.publish(rejected("c1", SMALL_WEIGHTS, true), "system", "system", null);
        readSide.awaitProjected();
        AssessmentVersionView fallback = version(SMALL, 2).orElseThrow();
        assertThat(fallback.components()).containsExactly(familyWide);
        assertThat(fallback.diff().changes()).containsExactly(
                new ComponentChangeView("final-weights", "changed", C1, familyWide));
        assertThat(model().releases()).extracting(ReleaseView::releaseId, ReleaseView::assessmentVersion)
                .containsExactly(tuple(SMALL, 2),
                        tuple(LARGE, 1),
                        tuple("llama-3.2-1b", 1));
    }

    @Test
    void claimLeavingAcceptancePublishesAVersionWithTheComponentRemoved() {
        propose("c1", SMALL_WEIGHTS, Openness.OPEN);
        accept("c1", SMALL_WEIGHTS);
        propose("c2", SMALL_CARD, Openness.OPEN);
        accept("c2", SMALL_CARD);
        EventMessage<?> rejection = readSide.publish(rejected("c1", SMALL_WEIGHTS, true), "system", "system", null);
        readSide.publish(reopened("c2", SMALL_CARD, ClaimStatus.ACCEPTED), "system", "system", null);
        // A claim rejected without ever being accepted changes no assessment.
        propose("c3", SMALL_WEIGHTS, Openness.CLOSED);
        readSide.publish(rejected("c3", SMALL_WEIGHTS, false), "system", "system", null);
        readSide.awaitProjected();

        assertThat(versions(SMALL)).extracting(AssessmentVersionView::version).containsExactly(1, 2, 3, 4);
        AssessmentVersionView third = version(SMALL, 3).orElseThrow();
        assertThat(third.publishedAt()).isEqualTo(rejection.getTimestamp());
        assertThat(third.causedByClaimId()).isEqualTo("c1");
        assertThat(third.causedByEvent()).isEqualTo("ClaimRejected");
        assertThat(third.diff().changes()).containsExactly(new ComponentChangeView("final-weights", "removed", C1,
                null));
        AssessmentVersionView fourth = version(SMALL, 4).orElseThrow();
        assertThat(fourth.causedByEvent()).isEqualTo("ClaimReopened");
        assertThat(fourth.components()).isEmpty();
        assertThat(fourth.diff().changes()).extracting(ComponentChangeView::component, ComponentChangeView::kind)
                .containsExactly(tuple("model-card", "removed"));
        assertThat(claim("c1").status()).isEqualTo("REJECTED");
        assertThat(claim("c2").status()).isEqualTo("PROPOSED");
        assertThat(model().releases().get(0).components()).isEmpty();
        assertThat(model().releases().get(0).assessmentVersion()).isEqualTo(4);
    }

    private void propose(String claimId, ClaimTarget target, Openness openness) {
        readSide.publish(proposed(claimId, target, openness, "LicenseRef-llama3.1"), "alice", "reviewer", null);
    }

    private EventMessage<?> accept(String claimId, ClaimTarget target) {
        return readSide.publish(accepted(claimId, target), "dave", "reviewer", null);
    }

    private List<AssessmentVersionView> versions(String releaseId) {
        return readSide.query(new ListAssessmentVersions(LLAMA, releaseId),
                multipleInstancesOf(AssessmentVersionView.class));
    }

    private Optional<AssessmentVersionView> version(String releaseId, int version) {
        return readSide.query(new GetAssessmentVersion(LLAMA, releaseId, version),
                optionalInstanceOf(AssessmentVersionView.class));
    }

    private ClaimView claim(String claimId) {
        return readSide.query(new GetClaim(claimId), optionalInstanceOf(ClaimView.class)).orElseThrow();
    }

    private ModelView model() {
        return readSide.query(new GetModel(LLAMA), optionalInstanceOf(ModelView.class)).orElseThrow();
    }
}
