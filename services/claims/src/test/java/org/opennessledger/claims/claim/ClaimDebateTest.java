package org.opennessledger.claims.claim;

import static org.opennessledger.claims.Rejections.rejected;
import static org.opennessledger.claims.TestActors.as;
import static org.opennessledger.claims.TestActors.reviewer;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennessledger.claims.AggregateCommandTargetResolver;
import org.opennessledger.claims.policy.ConsensusPolicy;
import org.opennessledger.claims.policy.ConsensusPolicyProvider;
import org.opennessledger.contracts.claims.ClaimAccepted;
import org.opennessledger.contracts.claims.ClaimLocked;
import org.opennessledger.contracts.claims.ClaimProposed;
import org.opennessledger.contracts.claims.ClaimSuperseded;
import org.opennessledger.contracts.debate.ArgumentEdited;
import org.opennessledger.contracts.debate.ArgumentPosted;
import org.opennessledger.contracts.debate.EditArgument;
import org.opennessledger.contracts.debate.PostArgument;
import org.opennessledger.contracts.disputes.ClaimDisputed;
import org.opennessledger.contracts.errors.CommandRejected.Reason;
import org.opennessledger.contracts.values.ClaimStatus;
import org.opennessledger.contracts.values.ClaimTarget;
import org.opennessledger.contracts.values.ComponentId;
import org.opennessledger.contracts.values.Evidence;
import org.opennessledger.contracts.values.Openness;
import org.opennessledger.contracts.values.Stance;

/** A claim's debate: arguments, replies and revisions, decided inside the Claim aggregate. */
class ClaimDebateTest {

    private static final String CLAIM = "0b6f7c1e-6d2a-4f39-9a57-2f0c1d3e4b5a";
    private static final String ROOT = "11111111-1111-4111-8111-111111111111";
    private static final String REPLY = "22222222-2222-4222-8222-222222222222";
    private static final String OTHER = "33333333-3333-4333-8333-333333333333";
    private static final ClaimTarget TARGET =
            ClaimTarget.release("llama-3", "llama-3.1-8b-instruct", ComponentId.FINAL_WEIGHTS);
    private static final Evidence EVIDENCE =
            new Evidence("https://www.llama.com/llama3_1/license/", null, LocalDate.of(2025, 1, 10), null);
    private static final Evidence CARD =
            new Evidence("https://huggingface.co/meta-llama/Llama-3.1-8B", "gated", LocalDate.of(2025, 2, 1), null);
    private static final ClaimProposed PROPOSED = new ClaimProposed(CLAIM, TARGET, Openness.PARTIAL,
            "llama3.1-community", List.of(EVIDENCE), "Custom licence with use restrictions", "alice", "v1");
    private static final ArgumentPosted ROOT_POSTED =
            new ArgumentPosted(CLAIM, ROOT, null, Stance.CON, "The weights are gated.", List.of(EVIDENCE), "bob");
    private static final ArgumentPosted REPLY_POSTED =
            new ArgumentPosted(CLAIM, REPLY, ROOT, Stance.QUESTION, "Gated how?", List.of(), "carol");

    private FixtureConfiguration<Claim> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Claim.class);
        fixture.registerCommandTargetResolver(new AggregateCommandTargetResolver());
        fixture.registerInjectableResource((ConsensusPolicyProvider) () -> ConsensusPolicy.DEFAULT);
    }

    private static PostArgument post(String argumentId, String parentId, Stance stance, String text,
                                     List<Evidence> evidence) {
        return new PostArgument(CLAIM, argumentId, parentId, stance, text, evidence);
    }

    // --- posting ---

    @Test
    void a_reviewer_posts_a_top_level_argument() {
        fixture.given(PROPOSED)
                .when(post(ROOT, null, Stance.CON, "The weights are gated.", List.of(EVIDENCE)), reviewer("bob"))
                .expectEvents(ROOT_POSTED);
    }

    @Test
    void a_reply_names_the_argument_it_answers() {
        fixture.given(PROPOSED, ROOT_POSTED)
                .when(post(REPLY, ROOT, Stance.QUESTION, "Gated how?", null), reviewer("carol"))
                .expectEvents(REPLY_POSTED);
    }

    @Test
    void markup_and_surrounding_white_space_are_stored_exactly_as_given() {
        String text = "  <script>alert(1)</script> **bold** [link](javascript:alert(2))\n";
        fixture.given(PROPOSED)
                .when(post(ROOT, null, Stance.PRO, text, null), reviewer("bob"))
                .expectEvents(new ArgumentPosted(CLAIM, ROOT, null, Stance.PRO, text, List.of(), "bob"));
    }

    @Test
    void the_claims_author_may_argue_for_it() {
        fixture.given(PROPOSED)
                .when(post(ROOT, null, Stance.PRO, "See section 3.", null), reviewer("alice"))
                .expectEvents(new ArgumentPosted(CLAIM, ROOT, null, Stance.PRO, "See section 3.", List.of(), "alice"));
    }

    @Test
    void arguments_are_allowed_whatever_the_claims_status() {
        ArgumentPosted posted = new ArgumentPosted(CLAIM, ROOT, null, Stance.PRO, "still relevant", List.of(), "bob");
        PostArgument command = post(ROOT, null, Stance.PRO, "still relevant", null);
        fixture.given(PROPOSED, new ClaimAccepted(CLAIM, TARGET, "v1", 3, 0),
                        new ClaimLocked(CLAIM, TARGET, ClaimStatus.ACCEPTED, "v1"))
                .when(command, reviewer("bob"))
                .expectEvents(posted);
        fixture.given(PROPOSED, new ClaimAccepted(CLAIM, TARGET, "v1", 3, 0),
                        new ClaimSuperseded(CLAIM, TARGET, OTHER, "superseded by accepted claim " + OTHER))
                .when(command, reviewer("bob"))
                .expectEvents(posted);
        fixture.given(PROPOSED, new ClaimAccepted(CLAIM, TARGET, "v1", 3, 0),
                        new ClaimDisputed(CLAIM, TARGET, OTHER, "erin", ClaimStatus.ACCEPTED))
                .when(command, reviewer("bob"))
                .expectEvents(posted);
    }

    @Test
    void posting_needs_the_reviewer_role() {
        fixture.given(PROPOSED)
                .when(post(ROOT, null, Stance.PRO, "text", null), as("mia", "moderator,producer"))
                .expectException(rejected(Reason.FORBIDDEN, "posting an argument needs the reviewer role"))
                .expectNoEvents();
    }

    @Test
    void a_reply_to_an_argument_this_claim_does_not_have_is_not_found() {
        fixture.given(PROPOSED, ROOT_POSTED)
                .when(post(REPLY, OTHER, Stance.PRO, "reply to nothing", null), reviewer("carol"))
                .expectException(rejected(Reason.NOT_FOUND,
                        "argument " + OTHER + ", which this replies to, is not an argument of claim " + CLAIM))
                .expectNoEvents();
    }

    @Test
    void a_stance_is_required() {
        fixture.given(PROPOSED)
                .when(post(ROOT, null, null, "text", null), reviewer("bob"))
                .expectException(rejected(Reason.INVALID, "stance (pro, con or question) is required"))
                .expectNoEvents();
    }

    @Test
    void text_is_required_and_not_only_white_space() {
        fixture.given(PROPOSED)
                .when(post(ROOT, null, Stance.PRO, " \n\t ", null), reviewer("bob"))
                .expectException(rejected(Reason.INVALID, "text is required (1 to 10000 characters"))
                .expectNoEvents();
        fixture.given(PROPOSED)
                .when(post(ROOT, null, Stance.PRO, null, null), reviewer("bob"))
                .expectException(rejected(Reason.INVALID, "text is required"))
                .expectNoEvents();
    }

    @Test
    void characters_are_counted_as_code_points_like_the_api_schema_counts_them() {
        String emoji = "\uD83D\uDE00"; // one code point, two UTF-16 units
        String longest = emoji.repeat(10_000);
        fixture.given(PROPOSED)
                .when(post(ROOT, null, Stance.PRO, longest, null), reviewer("bob"))
                .expectEvents(new ArgumentPosted(CLAIM, ROOT, null, Stance.PRO, longest, List.of(), "bob"));
        fixture.given(PROPOSED)
                .when(post(ROOT, null, Stance.PRO, longest + emoji, null), reviewer("bob"))
                .expectException(rejected(Reason.INVALID, "text is longer than 10000 characters (10001)"))
                .expectNoEvents();
    }

    @Test
    void text_has_at_most_ten_thousand_characters() {
        String longest = "x".repeat(10_000);
        fixture.given(PROPOSED)
                .when(post(ROOT, null, Stance.PRO, longest + "y", null), reviewer("bob"))
                .expectException(rejected(Reason.INVALID, "text is longer than 10000 characters (10001)"))
                .expectNoEvents();
        fixture.given(PROPOSED)
                .when(post(ROOT, null, Stance.PRO, longest, null), reviewer("bob"))
                .expectEvents(new ArgumentPosted(CLAIM, ROOT, null, Stance.PRO, longest, List.of(), "bob"));
    }

    @Test
    void an_argument_has_at_most_twenty_pieces_of_evidence() {
        fixture.given(PROPOSED)
                .when(post(ROOT, null, Stance.PRO, "text", Collections.nCopies(21, EVIDENCE)), reviewer("bob"))
                .expectException(rejected(Reason.INVALID, "an argument has at most 20 pieces of evidence, got 21"))
                .expectNoEvents();
        fixture.given(PROPOSED)
                .when(post(ROOT, null, Stance.PRO, "text", Collections.nCopies(20, EVIDENCE)), reviewer("bob"))
                .expectEvents(new ArgumentPosted(CLAIM, ROOT, null, Stance.PRO, "text", Collections.nCopies(20, EVIDENCE),
                        "bob"));
    }

    @Test
    void the_argument_id_must_be_a_uuid() {
        fixture.given(PROPOSED)
                .when(post("argument-1", null, Stance.PRO, "text", null), reviewer("bob"))
                .expectException(rejected(Reason.INVALID, "argumentId must be a UUID"))
                .expectNoEvents();
    }

    @Test
    void an_argument_id_is_used_once() {
        fixture.given(PROPOSED, ROOT_POSTED)
                .when(post(ROOT, null, Stance.PRO, "again", null), reviewer("carol"))
                .expectException(rejected(Reason.CONFLICT, "argument " + ROOT + " already exists on claim " + CLAIM))
                .expectNoEvents();
    }

    // --- editing ---

    @Test
    void the_author_edits_an_argument_into_its_second_revision() {
        fixture.given(PROPOSED, ROOT_POSTED)
                .when(new EditArgument(CLAIM, ROOT, "The weights are gated behind a form.", List.of(EVIDENCE, CARD)),
                        reviewer("bob"))
                .expectEvents(new ArgumentEdited(CLAIM, ROOT, 2, "The weights are gated behind a form.",
                        List.of(EVIDENCE, CARD), false, "bob"));
    }

    @Test
    void an_edit_after_a_reply_says_so() {
        fixture.given(PROPOSED, ROOT_POSTED, REPLY_POSTED)
                .when(new EditArgument(CLAIM, ROOT, "The weights are gated.", List.of()), reviewer("bob"))
                .expectEvents(new ArgumentEdited(CLAIM, ROOT, 2, "The weights are gated.", List.of(), true, "bob"));
    }

    @Test
    void a_reply_does_not_mark_edits_of_the_reply_itself() {
        fixture.given(PROPOSED, ROOT_POSTED, REPLY_POSTED)
                .when(new EditArgument(CLAIM, REPLY, "Gated by licence acceptance?", List.of()), reviewer("carol"))
                .expectEvents(new ArgumentEdited(CLAIM, REPLY, 2, "Gated by licence acceptance?", List.of(), false,
                        "carol"));
    }

    @Test
    void each_edit_is_the_next_revision() {
        fixture.given(PROPOSED, ROOT_POSTED,
                        new ArgumentEdited(CLAIM, ROOT, 2, "second", List.of(), false, "bob"))
                .when(new EditArgument(CLAIM, ROOT, "third", List.of()), reviewer("bob"))
                .expectEvents(new ArgumentEdited(CLAIM, ROOT, 3, "third", List.of(), false, "bob"));
    }

    @Test
    void only_the_author_edits_an_argument() {
        fixture.given(PROPOSED, ROOT_POSTED)
                .when(new EditArgument(CLAIM, ROOT, "hijack", List.of()), reviewer("carol"))
                .expectException(rejected(Reason.FORBIDDEN, "only the author of argument " + ROOT + " can edit it"))
                .expectNoEvents();
    }

    @Test
    void editing_needs_the_reviewer_role() {
        fixture.given(PROPOSED, ROOT_POSTED)
                .when(new EditArgument(CLAIM, ROOT, "new text", List.of()), as("bob", "producer"))
                .expectException(rejected(Reason.FORBIDDEN, "editing an argument needs the reviewer role"))
                .expectNoEvents();
    }

    @Test
    void editing_an_argument_this_claim_does_not_have_is_not_found() {
        fixture.given(PROPOSED, ROOT_POSTED)
                .when(new EditArgument(CLAIM, OTHER, "text", List.of()), reviewer("bob"))
                .expectException(rejected(Reason.NOT_FOUND, "argument " + OTHER + " is not an argument of claim " + CLAIM))
                .expectNoEvents();
    }

    @Test
    void an_edit_that_changes_nothing_is_refused() {
        fixture.given(PROPOSED, ROOT_POSTED)
                .when(new EditArgument(CLAIM, ROOT, "The weights are gated.", List.of(EVIDENCE)), reviewer("bob"))
                .expectException(rejected(Reason.INVALID, "the edit changes nothing: argument " + ROOT))
                .expectNoEvents();
    }

    @Test
    void an_edit_of_the_evidence_alone_is_a_new_revision() {
        fixture.given(PROPOSED, ROOT_POSTED)
                .when(new EditArgument(CLAIM, ROOT, "The weights are gated.", List.of(CARD)), reviewer("bob"))
                .expectEvents(new ArgumentEdited(CLAIM, ROOT, 2, "The weights are gated.", List.of(CARD), false, "bob"));
    }

    @Test
    void an_edit_follows_the_text_and_evidence_rules() {
        fixture.given(PROPOSED, ROOT_POSTED)
                .when(new EditArgument(CLAIM, ROOT, "   ", List.of()), reviewer("bob"))
                .expectException(rejected(Reason.INVALID, "text is required"))
                .expectNoEvents();
        fixture.given(PROPOSED, ROOT_POSTED)
                .when(new EditArgument(CLAIM, ROOT, "y".repeat(10_001), List.of()), reviewer("bob"))
                .expectException(rejected(Reason.INVALID, "text is longer than 10000 characters"))
                .expectNoEvents();
        fixture.given(PROPOSED, ROOT_POSTED)
                .when(new EditArgument(CLAIM, ROOT, "text", Collections.nCopies(21, CARD)), reviewer("bob"))
                .expectException(rejected(Reason.INVALID, "an argument has at most 20 pieces of evidence"))
                .expectNoEvents();
    }

    @Test
    void an_edit_compares_with_the_latest_revision() {
        fixture.given(PROPOSED, ROOT_POSTED, new ArgumentEdited(CLAIM, ROOT, 2, "second", List.of(), false, "bob"))
                .when(new EditArgument(CLAIM, ROOT, "second", List.of()), reviewer("bob"))
                .expectException(rejected(Reason.INVALID, "the edit changes nothing"))
                .expectNoEvents();
        // going back to the first wording is a change
        fixture.given(PROPOSED, ROOT_POSTED, new ArgumentEdited(CLAIM, ROOT, 2, "second", List.of(), false, "bob"))
                .when(new EditArgument(CLAIM, ROOT, "The weights are gated.", List.of(EVIDENCE)), reviewer("bob"))
                .expectEvents(new ArgumentEdited(CLAIM, ROOT, 3, "The weights are gated.", List.of(EVIDENCE), false,
                        "bob"));
    }
}
