package org.opennessledger.claims.document;

import static org.opennessledger.claims.Rejections.rejected;
import static org.opennessledger.claims.TestActors.as;
import static org.opennessledger.claims.TestActors.reviewer;

import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennessledger.claims.AggregateCommandTargetResolver;
import org.opennessledger.contracts.annotations.AnnotationArgumentEdited;
import org.opennessledger.contracts.annotations.AnnotationArgumentPosted;
import org.opennessledger.contracts.annotations.AnnotationCreated;
import org.opennessledger.contracts.annotations.AnnotationReviewed;
import org.opennessledger.contracts.annotations.AnnotationTag;
import org.opennessledger.contracts.annotations.EditAnnotationArgument;
import org.opennessledger.contracts.annotations.Motivation;
import org.opennessledger.contracts.annotations.PostAnnotationArgument;
import org.opennessledger.contracts.annotations.ReviewAnnotation;
import org.opennessledger.contracts.annotations.TextAnchor;
import org.opennessledger.contracts.annotations.TextPositionSelector;
import org.opennessledger.contracts.annotations.TextQuoteSelector;
import org.opennessledger.contracts.errors.CommandRejected.Reason;
import org.opennessledger.contracts.values.Stance;
import org.opennessledger.contracts.values.Verdict;

/** Reviews of an annotation (one active review per reviewer, changeable, never by its creator) and its debate. */
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

    private static final String ARGUMENT = "5a1f0c3e-1b2c-4d5e-8f90-a1b2c3d4e5f6";
    private static final String REPLY = "6b2a1d4f-2c3d-4e5f-9a01-b2c3d4e5f6a7";
    private static final AnnotationArgumentPosted POSTED = new AnnotationArgumentPosted(NOTE, ARGUMENT, null, Stance.CON,
            "the cap counts customers, not users", List.of(), "bob");

    @Test
    void anAnnotationIsDebatedInThreadsWhereRepliesAnswerItsArguments() {
        fixture.given(CREATED)
                .when(new PostAnnotationArgument(NOTE, ARGUMENT, null, Stance.CON, "the cap counts customers, not users",
                        List.of()), reviewer("bob"))
                .expectEvents(POSTED);
        // its creator may answer
        fixture.given(CREATED, POSTED)
                .when(new PostAnnotationArgument(NOTE, REPLY, ARGUMENT, Stance.PRO, "clause 2 says users", List.of()),
                        reviewer("carol"))
                .expectEvents(new AnnotationArgumentPosted(NOTE, REPLY, ARGUMENT, Stance.PRO, "clause 2 says users",
                        List.of(), "carol"));
        fixture.given(CREATED)
                .when(new PostAnnotationArgument(NOTE, REPLY, ARGUMENT, Stance.PRO, "a reply to nothing", List.of()),
                        reviewer("carol"))
                .expectException(rejected(Reason.NOT_FOUND, "is not an argument of annotation " + NOTE)).expectNoEvents();
        fixture.given(CREATED, POSTED)
                .when(new PostAnnotationArgument(NOTE, ARGUMENT, null, Stance.PRO, "again", List.of()), reviewer("dave"))
                .expectException(rejected(Reason.CONFLICT, "already exists")).expectNoEvents();
        fixture.given(CREATED)
                .when(new PostAnnotationArgument(NOTE, ARGUMENT, null, Stance.PRO, " ", List.of()), reviewer("dave"))
                .expectException(rejected(Reason.INVALID, "text is required")).expectNoEvents();
        fixture.given(CREATED)
                .when(new PostAnnotationArgument(NOTE, ARGUMENT, null, Stance.PRO, "no role", List.of()),
                        as("eve", ""))
                .expectException(rejected(Reason.FORBIDDEN, "reviewer")).expectNoEvents();
    }

    @Test
    void onlyItsAuthorEditsAnArgumentAndAnEditAfterAReplyIsMarked() {
        AnnotationArgumentPosted reply = new AnnotationArgumentPosted(NOTE, REPLY, ARGUMENT, Stance.PRO, "it says users",
                List.of(), "carol");
        fixture.given(CREATED, POSTED, reply)
                .when(new EditAnnotationArgument(NOTE, ARGUMENT, "the cap counts paying customers", List.of()),
                        reviewer("bob"))
                .expectEvents(new AnnotationArgumentEdited(NOTE, ARGUMENT, 2, "the cap counts paying customers", List.of(),
                        true, "bob"));
        fixture.given(CREATED, POSTED)
                .when(new EditAnnotationArgument(NOTE, ARGUMENT, "not mine", List.of()), reviewer("carol"))
                .expectException(rejected(Reason.FORBIDDEN, "only the author")).expectNoEvents();
        fixture.given(CREATED, POSTED)
                .when(new EditAnnotationArgument(NOTE, ARGUMENT, POSTED.text(), List.of()), reviewer("bob"))
                .expectException(rejected(Reason.INVALID, "changes nothing")).expectNoEvents();
    }
}
