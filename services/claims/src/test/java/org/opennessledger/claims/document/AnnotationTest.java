package org.opennessledger.claims.document;

import static org.opennessledger.claims.Rejections.rejected;
import static org.opennessledger.claims.TestActors.reviewer;

import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennessledger.claims.AggregateCommandTargetResolver;
import org.opennessledger.contracts.annotations.AnnotationCreated;
import org.opennessledger.contracts.annotations.AnnotationReviewed;
import org.opennessledger.contracts.annotations.AnnotationTag;
import org.opennessledger.contracts.annotations.Motivation;
import org.opennessledger.contracts.annotations.ReviewAnnotation;
import org.opennessledger.contracts.annotations.TextAnchor;
import org.opennessledger.contracts.annotations.TextPositionSelector;
import org.opennessledger.contracts.annotations.TextQuoteSelector;
import org.opennessledger.contracts.errors.CommandRejected.Reason;
import org.opennessledger.contracts.values.Verdict;

/** Reviews of an annotation: one active review per reviewer, changeable, never by its creator. */
class AnnotationTest {

    private static final String NOTE = "0b6f7c1e-6d2a-4f39-9a57-2f0c1d3e4b5a";
    private static final AnnotationCreated CREATED = new AnnotationCreated(NOTE, "doc-sample", 1,
            new TextAnchor(new TextQuoteSelector("500 million", "above ", " monthly"), new TextPositionSelector(10, 21)),
            List.of(AnnotationTag.USER_TYPE_THRESHOLD), AnnotationTag.TAXONOMY_VERSION, null, Motivation.ASSESSING,
            "carol");

    private FixtureConfiguration<Annotation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Annotation.class);
        fixture.registerCommandTargetResolver(new AggregateCommandTargetResolver());
    }

    @Test
    void reviewsAreCountedAndAChangedReviewKeepsWhatItWas() {
        fixture.given(CREATED)
                .when(new ReviewAnnotation(NOTE, Verdict.AGREE, null), reviewer("bob"))
                .expectEvents(new AnnotationReviewed(NOTE, "bob", Verdict.AGREE, null, null, 1, 0));
        fixture.given(CREATED, new AnnotationReviewed(NOTE, "bob", Verdict.AGREE, null, null, 1, 0))
                .when(new ReviewAnnotation(NOTE, Verdict.DISAGREE, " the cap is on customers "), reviewer("bob"))
                .expectEvents(new AnnotationReviewed(NOTE, "bob", Verdict.DISAGREE, "the cap is on customers",
                        Verdict.AGREE, 0, 1));
        fixture.given(CREATED, new AnnotationReviewed(NOTE, "bob", Verdict.AGREE, null, null, 1, 0))
                .when(new ReviewAnnotation(NOTE, Verdict.AGREE, null), reviewer("bob"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        // the same verdict with a reason of its own is a changed review, kept
        fixture.given(CREATED, new AnnotationReviewed(NOTE, "bob", Verdict.AGREE, null, null, 1, 0))
                .when(new ReviewAnnotation(NOTE, Verdict.AGREE, "the clause says 500M MAU"), reviewer("bob"))
                .expectEvents(new AnnotationReviewed(NOTE, "bob", Verdict.AGREE, "the clause says 500M MAU", Verdict.AGREE,
                        1, 0));
    }

    @Test
    void theCreatorCannotReviewAndDisagreeingNeedsAReason() {
        fixture.given(CREATED).when(new ReviewAnnotation(NOTE, Verdict.AGREE, null), reviewer("carol"))
                .expectException(rejected(Reason.FORBIDDEN, "cannot review it")).expectNoEvents();
        fixture.given(CREATED).when(new ReviewAnnotation(NOTE, Verdict.DISAGREE, " "), reviewer("bob"))
                .expectException(rejected(Reason.INVALID, "disagreeing needs a reason")).expectNoEvents();
        fixture.given(CREATED).when(new ReviewAnnotation(NOTE, null, null), reviewer("bob"))
                .expectException(rejected(Reason.INVALID, "verdict is required")).expectNoEvents();
    }
}
