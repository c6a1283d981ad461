package org.opennessledger.claims.claim;

import static org.opennessledger.claims.Rejections.rejected;
import static org.opennessledger.claims.TestActors.as;
import static org.opennessledger.claims.TestActors.reviewer;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennessledger.claims.AggregateCommandTargetResolver;
import org.opennessledger.claims.policy.ConsensusPolicy;
import org.opennessledger.claims.policy.ConsensusPolicyProvider;
import org.opennessledger.contracts.claims.ClaimAccepted;
import org.opennessledger.contracts.claims.ClaimProposed;
import org.opennessledger.contracts.claims.ClaimReviewed;
import org.opennessledger.contracts.claims.ReviewClaim;
import org.opennessledger.contracts.debate.PostProducerResponse;
import org.opennessledger.contracts.debate.ProducerResponsePosted;
import org.opennessledger.contracts.disputes.DisputeClaim;
import org.opennessledger.contracts.errors.CommandRejected.Reason;
import org.opennessledger.contracts.values.ClaimTarget;
import org.opennessledger.contracts.values.ComponentId;
import org.opennessledger.contracts.values.Evidence;
import org.opennessledger.contracts.values.LedgerMetaData;
import org.opennessledger.contracts.values.Openness;
import org.opennessledger.contracts.values.Verdict;

/** Producer responses, and why producers do not review or dispute claims about their own models. */
class ClaimProducerResponseTest {

    private static final String CLAIM = "0b6f7c1e-6d2a-4f39-9a57-2f0c1d3e4b5a";
    private static final String DISPUTE = "44444444-4444-4444-8444-444444444444";
    private static final ClaimTarget TARGET =
            ClaimTarget.release("llama-3", "llama-3.1-8b-instruct", ComponentId.FINAL_WEIGHTS);
    private static final Evidence EVIDENCE =
            new Evidence("https://www.llama.com/llama3_1/license/", null, LocalDate.of(2025, 1, 10), null);
    private static final ClaimProposed PROPOSED = new ClaimProposed(CLAIM, TARGET, Openness.PARTIAL,
            "llama3.1-community", List.of(EVIDENCE), "Custom licence with use restrictions", "alice", "v1", "Meta");
    private static final String ANSWER = "The 3.1 weights are under the community licence; <b>no</b> more.";

    private FixtureConfiguration<Claim> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Claim.class);
        fixture.registerCommandTargetResolver(new AggregateCommandTargetResolver());
        fixture.registerInjectableResource((ConsensusPolicyProvider) () -> ConsensusPolicy.DEFAULT);
    }

    private static Map<String, Object> producer(String subject, String roles, String organisation) {
        Map<String, Object> metaData = new HashMap<>(as(subject, roles));
        if (organisation != null) {
            metaData.put(LedgerMetaData.PRODUCER_ORG, organisation);
        }
        return metaData;
    }

    @Test
    void a_producer_of_the_models_organisation_posts_one_marked_response() {
        fixture.given(PROPOSED)
                .when(new PostProducerResponse(CLAIM, ANSWER, List.of(EVIDENCE)), producer("paul", "producer", " meta "))
                .expectEvents(new ProducerResponsePosted(CLAIM, TARGET, "Meta", "paul", ANSWER, List.of(EVIDENCE)));
    }

    @Test
    void a_second_response_is_a_conflict_even_from_another_producer_of_the_organisation() {
        fixture.given(PROPOSED, new ProducerResponsePosted(CLAIM, TARGET, "Meta", "paul", ANSWER, List.of()))
                .when(new PostProducerResponse(CLAIM, "again", List.of()), producer("rita", "producer,reviewer", "Meta"))
                .expectException(rejected(Reason.CONFLICT, "already has its producer response"))
                .expectNoEvents();
    }

    @Test
    void only_producers_speaking_for_the_models_organisation_may_respond() {
        fixture.given(PROPOSED)
                .when(new PostProducerResponse(CLAIM, ANSWER, List.of()), reviewer("bob"))
                .expectException(rejected(Reason.FORBIDDEN, "posting a producer response needs the producer role"))
                .expectNoEvents();
        fixture.given(PROPOSED)
                .when(new PostProducerResponse(CLAIM, ANSWER, List.of()), producer("paul", "producer", null))
                .expectException(rejected(Reason.FORBIDDEN, "needs a token that names the producer organisation"))
                .expectNoEvents();
        fixture.given(PROPOSED)
                .when(new PostProducerResponse(CLAIM, ANSWER, List.of()), producer("olga", "producer", "Other Lab"))
                .expectException(rejected(Reason.FORBIDDEN,
                        "olga speaks for Other Lab, and claim " + CLAIM + " is about a model by Meta"))
                .expectNoEvents();
    }

    @Test
    void a_claim_whose_model_producer_was_not_recorded_takes_no_producer_response() {
        fixture.given(new ClaimProposed(CLAIM, TARGET, Openness.OPEN, "MIT", List.of(EVIDENCE), "r", "alice", "v1"))
                .when(new PostProducerResponse(CLAIM, ANSWER, List.of()), producer("paul", "producer", "Meta"))
                .expectException(rejected(Reason.FORBIDDEN, "a producer not recorded on it"))
                .expectNoEvents();
    }

    @Test
    void the_response_text_follows_the_argument_rules() {
        fixture.given(PROPOSED)
                .when(new PostProducerResponse(CLAIM, "  ", List.of()), producer("paul", "producer", "Meta"))
                .expectException(rejected(Reason.INVALID, "text is required"))
                .expectNoEvents();
        fixture.given(PROPOSED)
                .when(new PostProducerResponse(CLAIM, "x".repeat(10_001), List.of()), producer("paul", "producer", "Meta"))
                .expectException(rejected(Reason.INVALID, "text is longer than 10000 characters"))
                .expectNoEvents();
    }

    @Test
    void a_producer_who_is_also_a_reviewer_cannot_review_claims_about_their_organisations_models() {
        fixture.given(PROPOSED)
                .when(new ReviewClaim(CLAIM, Verdict.AGREE, null), producer("rita", "producer,reviewer", "META"))
                .expectException(rejected(Reason.FORBIDDEN,
                        "a producer of Meta cannot review claims about its models; post a producer response instead"))
                .expectNoEvents();
    }

    @Test
    void a_producer_of_another_organisation_reviews_like_any_reviewer() {
        fixture.given(PROPOSED)
                .when(new ReviewClaim(CLAIM, Verdict.AGREE, null), producer("olga", "producer,reviewer", "Other Lab"))
                .expectEvents(new ClaimReviewed(CLAIM, "olga", Verdict.AGREE, null, null, 1, 0));
    }

    @Test
    void a_producer_cannot_dispute_a_claim_about_their_organisations_models() {
        fixture.given(PROPOSED, new ClaimAccepted(CLAIM, TARGET, "v1", 3, 0))
                .when(new DisputeClaim(CLAIM, DISPUTE, "we never published that", List.of(EVIDENCE)),
                        producer("rita", "producer,reviewer", "Meta"))
                .expectException(rejected(Reason.FORBIDDEN, "a producer of Meta cannot dispute claims about its models"))
                .expectNoEvents();
    }
}
