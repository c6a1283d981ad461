package org.opennessledger.claims.claim;

import static org.opennessledger.claims.Rejections.rejected;
import static org.opennessledger.claims.TestActors.as;
import static org.opennessledger.claims.TestActors.reviewer;

import java.time.LocalDate;
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
import org.opennessledger.contracts.claims.ClaimRejected;
import org.opennessledger.contracts.claims.ReviewClaim;
import org.opennessledger.contracts.debate.ArgumentPosted;
import org.opennessledger.contracts.debate.EditArgument;
import org.opennessledger.contracts.debate.PostArgument;
import org.opennessledger.contracts.disputes.ClaimDisputed;
import org.opennessledger.contracts.disputes.DisputeClaim;
import org.opennessledger.contracts.errors.CommandRejected.Reason;
import org.opennessledger.contracts.moderation.ContentFlagged;
import org.opennessledger.contracts.moderation.ContentHidden;
import org.opennessledger.contracts.moderation.ContentUnhidden;
import org.opennessledger.contracts.moderation.DismissFlags;
import org.opennessledger.contracts.moderation.FlagContent;
import org.opennessledger.contracts.moderation.FlagReason;
import org.opennessledger.contracts.moderation.FlagsDismissed;
import org.opennessledger.contracts.moderation.HideContent;
import org.opennessledger.contracts.moderation.UnhideContent;
import org.opennessledger.contracts.values.ClaimStatus;
import org.opennessledger.contracts.values.ClaimTarget;
import org.opennessledger.contracts.values.ComponentId;
import org.opennessledger.contracts.values.Evidence;
import org.opennessledger.contracts.values.Openness;
import org.opennessledger.contracts.values.Stance;
import org.opennessledger.contracts.values.Verdict;

/** Flags, hiding and unhiding on a claim and its arguments: every rule, and what hidden content refuses. */
class ClaimModerationTest {

    private static final String CLAIM = "0b6f7c1e-6d2a-4f39-9a57-2f0c1d3e4b5a";
    private static final String ROOT = "11111111-1111-4111-8111-111111111111";
    private static final String REPLY = "22222222-2222-4222-8222-222222222222";
    private static final String FLAG = "33333333-3333-4333-8333-333333333333";
    private static final String OTHER_FLAG = "44444444-4444-4444-8444-444444444444";
    private static final ClaimTarget TARGET =
            ClaimTarget.release("llama-3", "llama-3.1-8b-instruct", ComponentId.FINAL_WEIGHTS);
    private static final Evidence EVIDENCE =
            new Evidence("https://www.llama.com/llama3_1/license/", null, LocalDate.of(2025, 1, 10), null);
    private static final ClaimProposed PROPOSED = new ClaimProposed(CLAIM, TARGET, Openness.OPEN, "MIT",
            List.of(EVIDENCE), "buy cheap watches at example.com", "spammer", "v1", "Meta");
    private static final ArgumentPosted ARGUMENT =
            new ArgumentPosted(CLAIM, ROOT, null, Stance.CON, "You are all idiots.", List.of(), "troll");
    private static final ContentFlagged FLAGGED_BY_BOB =
            new ContentFlagged(CLAIM, TARGET, ROOT, FLAG, "bob", FlagReason.ABUSE, "insults");
    private static final ContentHidden ARGUMENT_HIDDEN =
            new ContentHidden(CLAIM, TARGET, ROOT, "mia", "personal attack", List.of(FLAG));
    private static final ContentHidden CLAIM_HIDDEN =
            new ContentHidden(CLAIM, TARGET, null, "mia", "spam", List.of());

    private FixtureConfiguration<Claim> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Claim.class);
        fixture.registerCommandTargetResolver(new AggregateCommandTargetResolver());
        fixture.registerInjectableResource((ConsensusPolicyProvider) () -> ConsensusPolicy.DEFAULT);
    }

    private static Map<String, Object> moderator(String subject) {
        return as(subject, "moderator,reviewer");
    }

    // --- flags ---

    @Test
    void anyone_logged_in_flags_a_claim_or_an_argument_with_a_reason_from_the_list() {
        fixture.given(PROPOSED)
                .when(new FlagContent(CLAIM, null, FLAG, FlagReason.SPAM, " an advert "), as("paul", "producer"))
                .expectEvents(new ContentFlagged(CLAIM, TARGET, null, FLAG, "paul", FlagReason.SPAM, "an advert"));
        fixture.given(PROPOSED, ARGUMENT)
                .when(new FlagContent(CLAIM, ROOT, FLAG, FlagReason.ABUSE, "insults"), reviewer("bob"))
                .expectEvents(FLAGGED_BY_BOB);
    }

    @Test
    void a_flag_names_an_existing_argument_a_listed_reason_a_uuid_and_a_text() {
        fixture.given(PROPOSED)
                .when(new FlagContent(CLAIM, REPLY, FLAG, FlagReason.SPAM, "x"), reviewer("bob"))
                .expectException(rejected(Reason.NOT_FOUND, "argument " + REPLY + " is not an argument of claim"))
                .expectNoEvents();
        fixture.given(PROPOSED)
                .when(new FlagContent(CLAIM, null, FLAG, null, "x"), reviewer("bob"))
                .expectException(rejected(Reason.INVALID, "reason (spam, abuse, off-topic, misleading"))
                .expectNoEvents();
        fixture.given(PROPOSED)
                .when(new FlagContent(CLAIM, null, "flag-1", FlagReason.SPAM, "x"), reviewer("bob"))
                .expectException(rejected(Reason.INVALID, "flagId must be a UUID"))
                .expectNoEvents();
        fixture.given(PROPOSED)
                .when(new FlagContent(CLAIM, null, FLAG, FlagReason.SPAM, "x".repeat(2001)), reviewer("bob"))
                .expectException(rejected(Reason.INVALID, "text is longer than 2000 characters"))
                .expectNoEvents();
        fixture.given(PROPOSED)
                .when(new FlagContent(CLAIM, null, FLAG, FlagReason.SPAM, "x"), Map.of())
                .expectException(rejected(Reason.FORBIDDEN, "names no actor"))
                .expectNoEvents();
    }

    @Test
    void one_open_flag_per_person_and_item_but_others_may_add_theirs() {
        fixture.given(PROPOSED, ARGUMENT, FLAGGED_BY_BOB)
                .when(new FlagContent(CLAIM, ROOT, OTHER_FLAG, FlagReason.OTHER, "again"), reviewer("bob"))
                .expectException(rejected(Reason.CONFLICT, "you already flagged argument " + ROOT + " (flag " + FLAG))
                .expectNoEvents();
        fixture.given(PROPOSED, ARGUMENT, FLAGGED_BY_BOB)
                .when(new FlagContent(CLAIM, ROOT, OTHER_FLAG, FlagReason.ABUSE, "me too"), reviewer("carol"))
                .expectEvents(new ContentFlagged(CLAIM, TARGET, ROOT, OTHER_FLAG, "carol", FlagReason.ABUSE, "me too"));
    }

    // --- hiding ---

    @Test
    void a_moderator_hides_an_argument_with_a_reason_which_closes_its_open_flags() {
        fixture.given(PROPOSED, ARGUMENT, FLAGGED_BY_BOB)
                .when(new HideContent(CLAIM, ROOT, "personal attack"), moderator("mia"))
                .expectEvents(ARGUMENT_HIDDEN);
    }

    @Test
    void only_moderators_hide_unhide_or_dismiss_and_always_with_a_reason() {
        fixture.given(PROPOSED, ARGUMENT)
                .when(new HideContent(CLAIM, ROOT, "r"), as("ada", "admin,reviewer"))
                .expectException(rejected(Reason.FORBIDDEN, "hiding content needs the moderator role"))
                .expectNoEvents();
        fixture.given(PROPOSED, ARGUMENT, ARGUMENT_HIDDEN)
                .when(new UnhideContent(CLAIM, ROOT, "r"), reviewer("bob"))
                .expectException(rejected(Reason.FORBIDDEN, "unhiding content needs the moderator role"))
                .expectNoEvents();
        fixture.given(PROPOSED, ARGUMENT, FLAGGED_BY_BOB)
                .when(new DismissFlags(CLAIM, ROOT, "r"), as("paul", "producer"))
                .expectException(rejected(Reason.FORBIDDEN, "dismissing flags needs the moderator role"))
                .expectNoEvents();
        fixture.given(PROPOSED, ARGUMENT)
                .when(new HideContent(CLAIM, ROOT, "  "), moderator("mia"))
                .expectException(rejected(Reason.INVALID, "reason is required"))
                .expectNoEvents();
    }

    @Test
    void hiding_twice_unhiding_what_is_visible_and_flagging_hidden_content_are_conflicts() {
        fixture.given(PROPOSED, ARGUMENT, ARGUMENT_HIDDEN)
                .when(new HideContent(CLAIM, ROOT, "again"), moderator("noah"))
                .expectException(rejected(Reason.CONFLICT, "argument " + ROOT + " is already hidden"))
                .expectNoEvents();
        fixture.given(PROPOSED, ARGUMENT)
                .when(new UnhideContent(CLAIM, ROOT, "nothing to show"), moderator("noah"))
                .expectException(rejected(Reason.CONFLICT, "argument " + ROOT + " is not hidden"))
                .expectNoEvents();
        fixture.given(PROPOSED, ARGUMENT, ARGUMENT_HIDDEN)
                .when(new FlagContent(CLAIM, ROOT, OTHER_FLAG, FlagReason.ABUSE, "still rude"), reviewer("carol"))
                .expectException(rejected(Reason.CONFLICT, "is already hidden by a moderator"))
                .expectNoEvents();
    }

    @Test
    void an_accepted_or_disputed_claim_is_not_hidden_a_proposal_or_a_rejected_claim_is() {
        fixture.given(PROPOSED, new ClaimAccepted(CLAIM, TARGET, "v1", 3, 0))
                .when(new HideContent(CLAIM, null, "spam"), moderator("mia"))
                .expectException(rejected(Reason.CONFLICT, "it is the assessment; dispute it instead"))
                .expectNoEvents();
        fixture.given(PROPOSED, new ClaimRejected(CLAIM, TARGET, "v1", 0, 3, false),
                        new ClaimDisputed(CLAIM, TARGET, OTHER_FLAG, "erin", ClaimStatus.REJECTED))
                .when(new HideContent(CLAIM, null, "spam"), moderator("mia"))
                .expectException(rejected(Reason.CONFLICT, "decide the dispute before hiding the claim"))
                .expectNoEvents();
        fixture.given(PROPOSED)
                .when(new HideContent(CLAIM, null, "spam"), moderator("mia"))
                .expectEvents(CLAIM_HIDDEN);
    }

    @Test
    void a_hidden_argument_takes_no_replies_and_no_edits() {
        fixture.given(PROPOSED, ARGUMENT, ARGUMENT_HIDDEN)
                .when(new PostArgument(CLAIM, REPLY, ROOT, Stance.QUESTION, "why?", null), reviewer("carol"))
                .expectException(rejected(Reason.CONFLICT, "argument " + ROOT + " is hidden by a moderator and takes no replies"))
                .expectNoEvents();
        fixture.given(PROPOSED, ARGUMENT, ARGUMENT_HIDDEN)
                .when(new EditArgument(CLAIM, ROOT, "sorry", null), reviewer("troll"))
                .expectException(rejected(Reason.CONFLICT, "is hidden by a moderator and cannot be edited"))
                .expectNoEvents();
    }

    @Test
    void a_hidden_claim_takes_no_reviews_arguments_or_disputes() {
        fixture.given(PROPOSED, CLAIM_HIDDEN)
                .when(new ReviewClaim(CLAIM, Verdict.AGREE, null), reviewer("bob"))
                .expectException(rejected(Reason.CONFLICT, "is hidden by a moderator and takes no reviews"))
                .expectNoEvents();
        fixture.given(PROPOSED, CLAIM_HIDDEN)
                .when(new PostArgument(CLAIM, ROOT, null, Stance.PRO, "x", null), reviewer("bob"))
                .expectException(rejected(Reason.CONFLICT, "takes no new arguments"))
                .expectNoEvents();
        fixture.given(PROPOSED, new ClaimRejected(CLAIM, TARGET, "v1", 0, 3, false), CLAIM_HIDDEN)
                .when(new DisputeClaim(CLAIM, OTHER_FLAG, "r", List.of(EVIDENCE)), reviewer("bob"))
                .expectException(rejected(Reason.CONFLICT, "cannot be disputed"))
                .expectNoEvents();
    }

    @Test
    void unhiding_restores_replies_and_flags_start_afresh_after_a_dismissal() {
        fixture.given(PROPOSED, ARGUMENT, ARGUMENT_HIDDEN)
                .when(new UnhideContent(CLAIM, ROOT, "context was missing"), moderator("noah"))
                .expectEvents(new ContentUnhidden(CLAIM, TARGET, ROOT, "noah", "context was missing"));
        fixture.given(PROPOSED, ARGUMENT, ARGUMENT_HIDDEN,
                        new ContentUnhidden(CLAIM, TARGET, ROOT, "noah", "context was missing"))
                .when(new PostArgument(CLAIM, REPLY, ROOT, Stance.QUESTION, "why?", null), reviewer("carol"))
                .expectEvents(new ArgumentPosted(CLAIM, REPLY, ROOT, Stance.QUESTION, "why?", List.of(), "carol"));
        fixture.given(PROPOSED, ARGUMENT, FLAGGED_BY_BOB)
                .when(new DismissFlags(CLAIM, ROOT, "robust, not abusive"), moderator("mia"))
                .expectEvents(new FlagsDismissed(CLAIM, TARGET, ROOT, "mia", "robust, not abusive", List.of(FLAG)));
        fixture.given(PROPOSED, ARGUMENT, FLAGGED_BY_BOB,
                        new FlagsDismissed(CLAIM, TARGET, ROOT, "mia", "robust, not abusive", List.of(FLAG)))
                .when(new FlagContent(CLAIM, ROOT, OTHER_FLAG, FlagReason.ABUSE, "it got worse"), reviewer("bob"))
                .expectEvents(new ContentFlagged(CLAIM, TARGET, ROOT, OTHER_FLAG, "bob", FlagReason.ABUSE, "it got worse"));
        fixture.given(PROPOSED, ARGUMENT)
                .when(new DismissFlags(CLAIM, ROOT, "nothing"), moderator("mia"))
                .expectException(rejected(Reason.CONFLICT, "has no open flags"))
                .expectNoEvents();
    }
}
