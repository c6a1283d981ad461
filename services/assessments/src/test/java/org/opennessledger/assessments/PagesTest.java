package org.opennessledger.assessments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.messaging.responsetypes.ResponseTypes.multipleInstancesOf;
import static org.axonframework.messaging.responsetypes.ResponseTypes.optionalInstanceOf;
import static org.opennessledger.assessments.Events.LLAMA;
import static org.opennessledger.assessments.Events.SMALL;
import static org.opennessledger.assessments.Events.family;
import static org.opennessledger.assessments.Events.ofRelease;
import static org.opennessledger.assessments.Events.proposed;
import static org.opennessledger.assessments.Events.release;
import static org.opennessledger.assessments.Events.reviewed;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opennessledger.contracts.queries.Queries.GetClaim;
import org.opennessledger.contracts.queries.Queries.GetModel;
import org.opennessledger.contracts.queries.Queries.ListModels;
import org.opennessledger.contracts.values.ComponentId;
import org.opennessledger.contracts.values.Evidence;
import org.opennessledger.contracts.values.Openness;
import org.opennessledger.contracts.values.Verdict;
import org.opennessledger.contracts.views.ClaimSummaryView;
import org.opennessledger.contracts.views.ClaimView;
import org.opennessledger.contracts.views.ModelSummaryView;
import org.opennessledger.contracts.views.ModelView;
import org.opennessledger.contracts.views.ReleaseView;
import org.opennessledger.contracts.views.ReviewView;

class PagesTest {

    private final ReadSide readSide = ReadSide.tracking();

    @AfterEach
    void stop() {
        readSide.close();
    }

    @Test
    void familyAndReleaseShowOnTheModelPageAndModelsAreListedByName() {
        EventMessage<?> registered = readSide.publish(family(LLAMA, "Llama 3"), "alice", "reviewer", null);
        readSide.publish(family("mistral", "Mistral"), "alice", "reviewer", null);
        readSide.publish(family("bloom", "BLOOM"), "alice", "reviewer", null);
        EventMessage<?> released = readSide.publish(release(SMALL), "alice", "reviewer", null);
        readSide.awaitProjected();

        ModelView model = readSide.query(new GetModel(LLAMA), optionalInstanceOf(ModelView.class)).orElseThrow();
        assertThat(model.name()).isEqualTo("Llama 3");
        assertThat(model.producer()).isEqualTo("Meta");
        assertThat(model.description()).isEqualTo("Llama 3 models");
        assertThat(model.registeredBy()).isEqualTo("alice");
        assertThat(model.registeredAt()).isEqualTo(registered.getTimestamp());
        assertThat(model.claims()).isEmpty();
        assertThat(model.releases()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("scores")
                .containsExactly(new ReleaseView(SMALL, "LLAMA-3.1-8B", "3.1",
                LocalDate.of(2024, 7, 23), null, List.of("https://huggingface.co/meta-llama/" + SMALL), "alice",
                released.getTimestamp(), 0, List.of()));
        assertThat(model.releases().get(0).scores().osaiIndex().score()).isZero();

        List<ModelSummaryView> models = readSide.query(new ListModels(), multipleInstancesOf(ModelSummaryView.class));
        assertThat(models).extracting(ModelSummaryView::name).containsExactly("BLOOM", "Llama 3", "Mistral");
        assertThat(models.get(1).releaseCount()).isEqualTo(1);
        assertThat(models.get(1).claimCount()).isZero();
    }

    @Test
    void claimPageCountsReviewsKeepsOneActiveReviewPerReviewerAndFlagsReplacedOnes() {
        readSide.publish(family(LLAMA, "Llama 3"), "alice", "reviewer", null);
        readSide.publish(release(SMALL), "alice", "reviewer", null);
        EventMessage<?> proposal = readSide.publish(proposed("c1", ofRelease(SMALL, ComponentId.FINAL_WEIGHTS),
                Openness.OPEN, "LicenseRef-llama3.1"), "alice", "reviewer", "weights are downloadable");
        EventMessage<?> bob = readSide.publish(reviewed("c1", "bob", Verdict.AGREE, null, null, 1, 0),
                "bob", "reviewer", null);
        EventMessage<?> carolFirst = readSide.publish(reviewed("c1", "carol", Verdict.DISAGREE, "gated download",
                null, 1, 1), "carol", "reviewer", null);
        EventMessage<?> carolSecond = readSide.publish(reviewed("c1", "carol", Verdict.AGREE, null,
                Verdict.DISAGREE, 2, 0), "carol", "reviewer", "the gate is only a click-through");
        readSide.awaitProjected();

        ClaimView claim = readSide.query(new GetClaim("c1"), optionalInstanceOf(ClaimView.class)).orElseThrow();
        assertThat(claim.modelId()).isEqualTo(LLAMA);
        assertThat(claim.releaseId()).isEqualTo(SMALL);
        assertThat(claim.component()).isEqualTo("final-weights");
        assertThat(claim.openness()).isEqualTo("open");
        assertThat(claim.licence()).isEqualTo("LicenseRef-llama3.1");
        assertThat(claim.evidence()).containsExactly(new Evidence("https://example.org/c1",
                "the passage that matters", LocalDate.of(2025, 2, 1), "sha256:abc"));
        assertThat(claim.rationale()).isEqualTo("because the evidence says so");
        assertThat(claim.authorId()).isEqualTo("alice");
        assertThat(claim.proposedAt()).isEqualTo(proposal.getTimestamp());
        assertThat(claim.status()).isEqualTo("PROPOSED");
        assertThat(claim.statusSince()).isEqualTo(proposal.getTimestamp());
        assertThat(claim.policyVersion()).isEqualTo("v1");
        assertThat(claim.locked()).isFalse();
        assertThat(claim.openDisputeId()).isNull();
        assertThat(claim.agreeCount()).isEqualTo(2);
        assertThat(claim.disagreeCount()).isZero();
        assertThat(claim.reviews()).containsExactly(
                new ReviewView("bob", "agree", null, bob.getTimestamp(), false),
                new ReviewView("carol", "agree", null, carolSecond.getTimestamp(), false));
        assertThat(claim.reviewHistory()).containsExactly(
                new ReviewView("bob", "agree", null, bob.getTimestamp(), false),
                new ReviewView("carol", "disagree", "gated download", carolFirst.getTimestamp(), true),
                new ReviewView("carol", "agree", null, carolSecond.getTimestamp(), false));

        ModelView model = readSide.query(new GetModel(LLAMA), optionalInstanceOf(ModelView.class)).orElseThrow();
        assertThat(model.claims()).containsExactly(new ClaimSummaryView("c1", LLAMA, SMALL, "final-weights", "open",
                "LicenseRef-llama3.1", "PROPOSED", false, "alice", proposal.getTimestamp(), 2, 0, null));
    }
}
