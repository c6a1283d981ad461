package org.opennessledger.claims.model;

import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.matches;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.hamcrest.Matchers.equalTo;
import static org.opennessledger.claims.Rejections.rejected;
import static org.opennessledger.claims.TestActors.admin;
import static org.opennessledger.claims.TestActors.as;
import static org.opennessledger.claims.TestActors.reviewer;
import static org.opennessledger.claims.TestActors.system;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opennessledger.claims.AggregateCommandTargetResolver;
import org.opennessledger.claims.policy.ConsensusPolicy;
import org.opennessledger.claims.policy.ConsensusPolicyProvider;
import org.opennessledger.contracts.claims.ClaimAccepted;
import org.opennessledger.contracts.claims.ClaimLocked;
import org.opennessledger.contracts.claims.ClaimProposed;
import org.opennessledger.contracts.claims.ProposeClaim;
import org.opennessledger.contracts.errors.CommandRejected.Reason;
import org.opennessledger.contracts.models.AcceptedClaimRecorded;
import org.opennessledger.contracts.models.AcceptedClaimWithdrawn;
import org.opennessledger.contracts.models.ClaimImported;
import org.opennessledger.contracts.models.ImportClaim;
import org.opennessledger.contracts.models.LiftModelProtection;
import org.opennessledger.contracts.models.ModelFamilyRegistered;
import org.opennessledger.contracts.models.ModelProtected;
import org.opennessledger.contracts.models.ModelProtectionLifted;
import org.opennessledger.contracts.models.ModelTypeStated;
import org.opennessledger.contracts.models.ProtectModel;
import org.opennessledger.contracts.models.StateModelType;
import org.opennessledger.contracts.models.RecordAcceptedClaim;
import org.opennessledger.contracts.models.RegisterModelFamily;
import org.opennessledger.contracts.models.RegisterRelease;
import org.opennessledger.contracts.models.ReleaseRegistered;
import org.opennessledger.contracts.models.WithdrawAcceptedClaim;
import org.opennessledger.contracts.values.ClaimStatus;
import org.opennessledger.contracts.values.ClaimTarget;
import org.opennessledger.contracts.values.ComponentId;
import org.opennessledger.contracts.values.Evidence;
import org.opennessledger.contracts.values.ModelType;
import org.opennessledger.contracts.values.Openness;

class ModelFamilyTest {

    private static final String MODEL = "llama-3";
    private static final String RELEASE = "llama-3.1-8b-instruct";
    private static final String CLAIM = "0b6f7c1e-6d2a-4f39-9a57-2f0c1d3e4b5a";
    private static final String OTHER_CLAIM = "7d3c2b1a-1111-4222-8333-944455566677";
    private static final ClaimTarget TARGET = ClaimTarget.release(MODEL, RELEASE, ComponentId.FINAL_WEIGHTS);
    private static final Evidence EVIDENCE = new Evidence("https://huggingface.co/meta-llama/Llama-3.1-8B-Instruct",
            "Llama 3.1 is licensed under the Llama 3.1 Community License", LocalDate.of(2025, 1, 10), null);

    private static final ModelFamilyRegistered REGISTERED =
            new ModelFamilyRegistered(MODEL, "Llama 3", "Meta", "Open-weight LLMs", "alice");
    private static final ReleaseRegistered RELEASE_REGISTERED = new ReleaseRegistered(MODEL, RELEASE,
            "Llama-3.1-8B-Instruct", "3.1", LocalDate.of(2024, 7, 23), null, List.of(), "alice");

    private FixtureConfiguration<ModelFamily> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ModelFamily.class);
        fixture.registerCommandTargetResolver(new AggregateCommandTargetResolver());
        fixture.registerInjectableResource((ConsensusPolicyProvider) () -> ConsensusPolicy.DEFAULT);
        // bob has two claims that reached acceptance, carol one, everyone else none
        fixture.registerInjectableResource(new ProtectionPolicy(2,
                subject -> Map.of("bob", 2L, "carol", 1L).getOrDefault(subject, 0L)));
    }

    // --- registration ---

    @Test
    void a_reviewer_registers_a_model_family() {
        fixture.givenNoPriorActivity()
                .when(new RegisterModelFamily(MODEL, "Llama 3", "Meta", "Open-weight LLMs"), reviewer("alice"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(REGISTERED);
    }

    @Test
    void an_admin_may_register_a_model_family_too_and_text_is_trimmed() {
        fixture.givenNoPriorActivity()
                .when(new RegisterModelFamily(MODEL, "  Llama 3 ", "Meta", "  "), admin("root"))
                .expectEvents(new ModelFamilyRegistered(MODEL, "Llama 3", "Meta", null, "root"));
    }

    @Test
    void a_family_may_be_registered_with_its_type() {
        fixture.givenNoPriorActivity()
                .when(new RegisterModelFamily(MODEL, "Llama 3", "Meta", null, ModelType.TEXT), reviewer("alice"))
                .expectEvents(new ModelFamilyRegistered(MODEL, "Llama 3", "Meta", null, "alice", ModelType.TEXT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"consensus-policy", "doc-0123456789abcdef0123", "0b6f7c1e-6d2a-4f39-9a57-2f0c1d3e4b5a"})
    void an_id_shaped_like_another_aggregates_is_refused(String id) {
        fixture.givenNoPriorActivity()
                .when(new RegisterModelFamily(id, "Shadow", "Nobody", null), reviewer("alice"))
                .expectException(rejected(Reason.INVALID, "shaped like an id the ledger gives to other things"))
                .expectNoEvents();
    }

    // --- its type ---

    @Test
    void stating_a_type_records_it_with_the_one_it_replaces() {
        fixture.given(REGISTERED)
                .when(new StateModelType(MODEL, ModelType.CODE, false), reviewer("bob"))
                .expectEvents(new ModelTypeStated(MODEL, ModelType.CODE, null));
        fixture.given(REGISTERED, new ModelTypeStated(MODEL, ModelType.CODE, null))
                .when(new StateModelType(MODEL, ModelType.TEXT, false), reviewer("bob"))
                .expectEvents(new ModelTypeStated(MODEL, ModelType.TEXT, ModelType.CODE));
    }

    @Test
    void the_same_type_again_changes_nothing() {
        fixture.given(new ModelFamilyRegistered(MODEL, "Llama 3", "Meta", null, "alice", ModelType.TEXT))
                .when(new StateModelType(MODEL, ModelType.TEXT, false), reviewer("bob"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void filling_a_missing_type_leaves_a_stated_one_alone() {
        fixture.given(REGISTERED, new ModelTypeStated(MODEL, ModelType.CODE, null))
                .when(new StateModelType(MODEL, ModelType.TEXT, true), admin("importer"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(REGISTERED)
                .when(new StateModelType(MODEL, ModelType.TEXT, true), admin("importer"))
                .expectEvents(new ModelTypeStated(MODEL, ModelType.TEXT, null));
    }

    @Test
    void stating_a_type_needs_the_reviewer_or_admin_role_and_a_type() {
        fixture.given(REGISTERED)
                .when(new StateModelType(MODEL, ModelType.CODE, false), as("paula", "producer"))
                .expectException(rejected(Reason.FORBIDDEN, "stating a model's type needs the reviewer or admin role"))
                .expectNoEvents();
        fixture.given(REGISTERED)
                .when(new StateModelType(MODEL, null, false), reviewer("bob"))
                .expectException(rejected(Reason.INVALID, "modelType is required"))
                .expectNoEvents();
    }

    @Test
    void registering_needs_the_reviewer_or_admin_role() {
        fixture.givenNoPriorActivity()
                .when(new RegisterModelFamily(MODEL, "Llama 3", "Meta", null), as("paula", "producer,moderator"))
                .expectException(rejected(Reason.FORBIDDEN, "registering a model family needs the reviewer or admin role"))
                .expectNoEvents();
    }

    @Test
    void a_command_without_an_actor_is_forbidden() {
        fixture.givenNoPriorActivity()
                .when(new RegisterModelFamily(MODEL, "Llama 3", "Meta", null))
                .expectException(rejected(Reason.FORBIDDEN, "names no actor"))
                .expectNoEvents();
    }

    @Test
    void a_model_id_must_be_a_lower_case_slug() {
        fixture.givenNoPriorActivity()
                .when(new RegisterModelFamily("Llama 3", "Llama 3", "Meta", null), reviewer("alice"))
                .expectException(rejected(Reason.INVALID, "modelId must match"))
                .expectNoEvents();
    }

    @Test
    void name_producer_and_description_are_bounded() {
        fixture.givenNoPriorActivity()
                .when(new RegisterModelFamily(MODEL, " ", "Meta", null), reviewer("alice"))
                .expectException(rejected(Reason.INVALID, "name is required"));
        fixture.givenNoPriorActivity()
                .when(new RegisterModelFamily(MODEL, "x".repeat(201), "Meta", null), reviewer("alice"))
                .expectException(rejected(Reason.INVALID, "name is longer than 200 characters"));
        fixture.givenNoPriorActivity()
                .when(new RegisterModelFamily(MODEL, "Llama 3", null, null), reviewer("alice"))
                .expectException(rejected(Reason.INVALID, "producer is required"));
        fixture.givenNoPriorActivity()
                .when(new RegisterModelFamily(MODEL, "Llama 3", "Meta", "d".repeat(5001)), reviewer("alice"))
                .expectException(rejected(Reason.INVALID, "description is longer than 5000 characters"))
                .expectNoEvents();
    }

    @Test
    void a_family_registers_once() {
        fixture.given(REGISTERED)
                .when(new RegisterModelFamily(MODEL, "Llama 3 again", "Meta", null), reviewer("bob"))
                .expectException(rejected(Reason.CONFLICT, "model family llama-3 is already registered"))
                .expectNoEvents();
    }

    // --- releases ---

    @Test
    void a_reviewer_registers_a_release() {
        fixture.given(REGISTERED)
                .when(new RegisterRelease(MODEL, RELEASE, "Llama-3.1-8B-Instruct", "3.1", LocalDate.of(2024, 7, 23),
                        null, List.of()), reviewer("alice"))
                .expectEvents(RELEASE_REGISTERED);
    }

    @Test
    void a_release_id_is_unique_within_the_family() {
        fixture.given(REGISTERED, RELEASE_REGISTERED)
                .when(new RegisterRelease(MODEL, RELEASE, "again", null, null, null, List.of()), reviewer("bob"))
                .expectException(rejected(Reason.CONFLICT,
                        "release llama-3.1-8b-instruct is already registered for model llama-3"))
                .expectNoEvents();
    }

    @Test
    void a_release_id_must_be_a_slug() {
        fixture.given(REGISTERED)
                .when(new RegisterRelease(MODEL, "Llama 3.1", "x", null, null, null, List.of()), reviewer("bob"))
                .expectException(rejected(Reason.INVALID, "releaseId must match"))
                .expectNoEvents();
    }

    @Test
    void release_links_must_be_absolute_http_urls() {
        fixture.given(REGISTERED)
                .when(new RegisterRelease(MODEL, RELEASE, "x", null, null, null,
                        List.of("https://ai.meta.com/llama", "ftp://example.org/weights")), reviewer("bob"))
                .expectException(rejected(Reason.INVALID, "links[1] must be an absolute http(s) URL"))
                .expectNoEvents();
        fixture.given(REGISTERED)
                .when(new RegisterRelease(MODEL, RELEASE, "x", null, null, null, List.of("/relative/path")),
                        reviewer("bob"))
                .expectException(rejected(Reason.INVALID, "links[0] must be an absolute http(s) URL"));
    }

    @Test
    void registering_a_release_needs_the_reviewer_or_admin_role() {
        fixture.given(REGISTERED)
                .when(new RegisterRelease(MODEL, RELEASE, "x", null, null, null, List.of()), as("paula", "producer"))
                .expectException(rejected(Reason.FORBIDDEN, "registering a release needs the reviewer or admin role"))
                .expectNoEvents();
    }

    // --- proposing claims ---

    private static ProposeClaim proposal(ClaimTarget target, Openness openness, String licence,
                                         List<Evidence> evidence, String rationale) {
        return new ProposeClaim(CLAIM, target, openness, licence, evidence, rationale);
    }

    @Test
    void a_reviewer_proposes_a_claim_which_starts_the_claim_with_the_current_policy_version() {
        fixture.given(REGISTERED, RELEASE_REGISTERED)
                .when(proposal(TARGET, Openness.PARTIAL, "llama3.1-community", List.of(EVIDENCE), "Custom licence"),
                        reviewer("alice"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ClaimProposed(CLAIM, TARGET, Openness.PARTIAL, "llama3.1-community",
                        List.of(EVIDENCE), "Custom licence", "alice", "v1", "Meta"));
    }

    @Test
    void a_family_wide_claim_needs_no_release() {
        ClaimTarget familyWide = ClaimTarget.family(MODEL, ComponentId.TRAINING_CODE);
        fixture.given(REGISTERED)
                .when(proposal(familyWide, Openness.CLOSED, null, List.of(EVIDENCE), "No training code published"),
                        reviewer("alice"))
                .expectEvents(new ClaimProposed(CLAIM, familyWide, Openness.CLOSED, null, List.of(EVIDENCE),
                        "No training code published", "alice", "v1", "Meta"));
    }

    @Test
    void the_licence_is_stored_in_canonical_form() {
        fixture.given(REGISTERED, RELEASE_REGISTERED)
                .when(proposal(TARGET, Openness.OPEN, "apache-2.0 or mit", List.of(EVIDENCE), "Dual licensed"),
                        reviewer("alice"))
                .expectEvents(new ClaimProposed(CLAIM, TARGET, Openness.OPEN, "Apache-2.0 OR MIT", List.of(EVIDENCE),
                        "Dual licensed", "alice", "v1", "Meta"));
    }

    @Test
    void a_claim_about_an_unregistered_release_is_not_found() {
        ClaimTarget unknown = ClaimTarget.release(MODEL, "llama-9", ComponentId.FINAL_WEIGHTS);
        fixture.given(REGISTERED, RELEASE_REGISTERED)
                .when(proposal(unknown, Openness.OPEN, "MIT", List.of(EVIDENCE), "r"), reviewer("alice"))
                .expectException(rejected(Reason.NOT_FOUND, "release llama-9 is not registered for model llama-3"))
                .expectNoEvents();
    }

    @Test
    void proposing_needs_the_reviewer_role() {
        fixture.given(REGISTERED, RELEASE_REGISTERED)
                .when(proposal(TARGET, Openness.OPEN, "MIT", List.of(EVIDENCE), "r"), admin("root"))
                .expectException(rejected(Reason.FORBIDDEN, "proposing a claim needs the reviewer role"))
                .expectNoEvents();
    }

    @Test
    void a_malformed_licence_is_rejected_with_what_is_wrong() {
        fixture.given(REGISTERED, RELEASE_REGISTERED)
                .when(proposal(TARGET, Openness.OPEN, "MITT", List.of(EVIDENCE), "r"), reviewer("alice"))
                .expectException(rejected(Reason.INVALID,
                        "licence: unknown licence id 'MITT' at position 0; did you mean MIT?"))
                .expectNoEvents();
        fixture.given(REGISTERED, RELEASE_REGISTERED)
                .when(proposal(TARGET, Openness.OPEN, "MIT AND", List.of(EVIDENCE), "r"), reviewer("alice"))
                .expectException(rejected(Reason.INVALID, "licence: licence expression ends after 'AND'"))
                .expectNoEvents();
    }

    @Test
    void open_and_partial_claims_need_a_licence_closed_ones_do_not() {
        fixture.given(REGISTERED, RELEASE_REGISTERED)
                .when(proposal(TARGET, Openness.OPEN, " ", List.of(EVIDENCE), "r"), reviewer("alice"))
                .expectException(rejected(Reason.INVALID, "licence is required for a claim that a component is open"))
                .expectNoEvents();
        fixture.given(REGISTERED, RELEASE_REGISTERED)
                .when(proposal(TARGET, Openness.NOT_APPLICABLE, null, List.of(EVIDENCE), "r"), reviewer("alice"))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void a_claim_needs_an_openness() {
        fixture.given(REGISTERED, RELEASE_REGISTERED)
                .when(proposal(TARGET, null, "MIT", List.of(EVIDENCE), "r"), reviewer("alice"))
                .expectException(rejected(Reason.INVALID, "openness is required"))
                .expectNoEvents();
    }

    @Test
    void a_claim_needs_one_to_twenty_pieces_of_evidence() {
        fixture.given(REGISTERED, RELEASE_REGISTERED)
                .when(proposal(TARGET, Openness.OPEN, "MIT", List.of(), "r"), reviewer("alice"))
                .expectException(rejected(Reason.INVALID, "at least one piece of evidence"))
                .expectNoEvents();
        fixture.given(REGISTERED, RELEASE_REGISTERED)
                .when(proposal(TARGET, Openness.OPEN, "MIT", Collections.nCopies(21, EVIDENCE), "r"), reviewer("alice"))
                .expectException(rejected(Reason.INVALID, "at most 20 pieces of evidence, got 21"))
                .expectNoEvents();
    }

    @Test
    void a_claim_needs_a_rationale_of_at_most_ten_thousand_characters() {
        fixture.given(REGISTERED, RELEASE_REGISTERED)
                .when(proposal(TARGET, Openness.OPEN, "MIT", List.of(EVIDENCE), ""), reviewer("alice"))
                .expectException(rejected(Reason.INVALID, "rationale is required"))
                .expectNoEvents();
        fixture.given(REGISTERED, RELEASE_REGISTERED)
                .when(proposal(TARGET, Openness.OPEN, "MIT", List.of(EVIDENCE), "r".repeat(10001)), reviewer("alice"))
                .expectException(rejected(Reason.INVALID, "rationale is longer than 10000 characters"))
                .expectNoEvents();
    }

    @Test
    void a_claim_id_must_be_a_uuid() {
        fixture.given(REGISTERED, RELEASE_REGISTERED)
                .when(new ProposeClaim("claim-1", TARGET, Openness.OPEN, "MIT", List.of(EVIDENCE), "r"),
                        reviewer("alice"))
                .expectException(rejected(Reason.INVALID, "claimId must be a UUID"))
                .expectNoEvents();
    }

    // --- the accepted claim per target ---

    @Test
    void the_first_accepted_claim_for_a_target_is_recorded_without_a_predecessor() {
        fixture.given(REGISTERED, RELEASE_REGISTERED)
                .when(new RecordAcceptedClaim(MODEL, TARGET, CLAIM, 5), system())
                .expectEvents(new AcceptedClaimRecorded(MODEL, TARGET, CLAIM, null, 5));
    }

    @Test
    void a_newly_accepted_claim_names_the_one_it_replaces() {
        fixture.given(REGISTERED, RELEASE_REGISTERED, new AcceptedClaimRecorded(MODEL, TARGET, CLAIM, null, 5))
                .when(new RecordAcceptedClaim(MODEL, TARGET, OTHER_CLAIM, 4), system())
                .expectEvents(new AcceptedClaimRecorded(MODEL, TARGET, OTHER_CLAIM, CLAIM, 4));
    }

    @Test
    void recording_the_claim_already_recorded_changes_nothing() {
        fixture.given(REGISTERED, RELEASE_REGISTERED, new AcceptedClaimRecorded(MODEL, TARGET, CLAIM, null, 5))
                .when(new RecordAcceptedClaim(MODEL, TARGET, CLAIM, 5), system())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void only_the_platform_records_accepted_claims() {
        fixture.given(REGISTERED, RELEASE_REGISTERED)
                .when(new RecordAcceptedClaim(MODEL, TARGET, CLAIM, 5), as("root", "admin,reviewer"))
                .expectException(rejected(Reason.FORBIDDEN, "recording an accepted claim needs the system role"))
                .expectNoEvents();
    }

    @Test
    void the_recorded_claim_is_withdrawn_when_it_loses_acceptance() {
        fixture.given(REGISTERED, RELEASE_REGISTERED, new AcceptedClaimRecorded(MODEL, TARGET, CLAIM, null, 5))
                .when(new WithdrawAcceptedClaim(MODEL, TARGET, CLAIM, 7), system())
                .expectEvents(new AcceptedClaimWithdrawn(MODEL, TARGET, CLAIM, 7, null));
    }

    @Test
    void withdrawing_a_claim_that_is_not_the_recorded_one_changes_nothing() {
        fixture.given(REGISTERED, RELEASE_REGISTERED, new AcceptedClaimRecorded(MODEL, TARGET, OTHER_CLAIM, null, 4))
                .when(new WithdrawAcceptedClaim(MODEL, TARGET, CLAIM, 7), system())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void after_a_withdrawal_the_next_accepted_claim_has_no_predecessor() {
        fixture.given(REGISTERED, RELEASE_REGISTERED, new AcceptedClaimRecorded(MODEL, TARGET, CLAIM, null, 5),
                        new AcceptedClaimWithdrawn(MODEL, TARGET, CLAIM, 7, null))
                .when(new RecordAcceptedClaim(MODEL, TARGET, OTHER_CLAIM, 4), system())
                .expectEvents(new AcceptedClaimRecorded(MODEL, TARGET, OTHER_CLAIM, null, 4));
    }

    @Test
    void withdrawing_the_accepted_claim_reinstates_the_one_it_had_superseded() {
        fixture.given(REGISTERED, RELEASE_REGISTERED, new AcceptedClaimRecorded(MODEL, TARGET, CLAIM, null, 5),
                        new AcceptedClaimRecorded(MODEL, TARGET, OTHER_CLAIM, CLAIM, 4))
                .when(new WithdrawAcceptedClaim(MODEL, TARGET, OTHER_CLAIM, 8), system())
                .expectEvents(new AcceptedClaimWithdrawn(MODEL, TARGET, OTHER_CLAIM, 8, CLAIM));
    }

    @Test
    void a_reinstated_claim_is_the_recorded_one_and_is_displaced_again_by_the_next_acceptance() {
        fixture.given(REGISTERED, RELEASE_REGISTERED, new AcceptedClaimRecorded(MODEL, TARGET, CLAIM, null, 5),
                        new AcceptedClaimRecorded(MODEL, TARGET, OTHER_CLAIM, CLAIM, 4),
                        new AcceptedClaimWithdrawn(MODEL, TARGET, OTHER_CLAIM, 8, CLAIM))
                .when(new RecordAcceptedClaim(MODEL, TARGET, OTHER_CLAIM, 11), system())
                .expectEvents(new AcceptedClaimRecorded(MODEL, TARGET, OTHER_CLAIM, CLAIM, 11));
    }

    @Test
    void displaced_claims_come_back_newest_first_and_only_once() {
        String third = "00000000-0000-4000-8000-0000000000c3";
        fixture.given(REGISTERED, RELEASE_REGISTERED, new AcceptedClaimRecorded(MODEL, TARGET, CLAIM, null, 5),
                        new AcceptedClaimRecorded(MODEL, TARGET, OTHER_CLAIM, CLAIM, 4),
                        new AcceptedClaimRecorded(MODEL, TARGET, third, OTHER_CLAIM, 6),
                        new AcceptedClaimWithdrawn(MODEL, TARGET, third, 9, OTHER_CLAIM))
                .when(new WithdrawAcceptedClaim(MODEL, TARGET, OTHER_CLAIM, 10), system())
                .expectEvents(new AcceptedClaimWithdrawn(MODEL, TARGET, OTHER_CLAIM, 10, CLAIM));
    }

    @Test
    void only_the_platform_withdraws_accepted_claims() {
        fixture.given(REGISTERED, RELEASE_REGISTERED, new AcceptedClaimRecorded(MODEL, TARGET, CLAIM, null, 5))
                .when(new WithdrawAcceptedClaim(MODEL, TARGET, CLAIM, 7), Map.of())
                .expectException(rejected(Reason.FORBIDDEN, "names no actor"))
                .expectNoEvents();
    }

    // --- protection ---

    private static final ModelProtected PROTECTED = new ModelProtected(MODEL, 2, "mia", "repeated spam claims");

    private static Map<String, Object> moderator(String subject) {
        return as(subject, "moderator,reviewer");
    }

    @Test
    void a_moderator_protects_a_model_with_the_threshold_in_force_and_a_reason() {
        fixture.given(REGISTERED)
                .when(new ProtectModel(MODEL, "  repeated spam claims "), moderator("mia"))
                .expectEvents(PROTECTED);
    }

    @Test
    void only_moderators_protect_or_lift_and_a_reason_is_required() {
        fixture.given(REGISTERED)
                .when(new ProtectModel(MODEL, "spam"), as("ada", "admin,reviewer"))
                .expectException(rejected(Reason.FORBIDDEN, "protecting a model needs the moderator role"))
                .expectNoEvents();
        fixture.given(REGISTERED, PROTECTED)
                .when(new LiftModelProtection(MODEL, "calm again"), reviewer("alice"))
                .expectException(rejected(Reason.FORBIDDEN, "lifting a model's protection needs the moderator role"))
                .expectNoEvents();
        fixture.given(REGISTERED)
                .when(new ProtectModel(MODEL, " "), moderator("mia"))
                .expectException(rejected(Reason.INVALID, "reason is required"))
                .expectNoEvents();
        fixture.given(REGISTERED)
                .when(new ProtectModel(MODEL, "x".repeat(2001)), moderator("mia"))
                .expectException(rejected(Reason.INVALID, "reason is longer than 2000 characters"))
                .expectNoEvents();
    }

    @Test
    void protecting_twice_or_lifting_what_is_not_protected_is_a_conflict() {
        fixture.given(REGISTERED, PROTECTED)
                .when(new ProtectModel(MODEL, "again"), moderator("noah"))
                .expectException(rejected(Reason.CONFLICT, "model llama-3 is already protected"))
                .expectNoEvents();
        fixture.given(REGISTERED)
                .when(new LiftModelProtection(MODEL, "nothing to lift"), moderator("noah"))
                .expectException(rejected(Reason.CONFLICT, "model llama-3 is not protected"))
                .expectNoEvents();
    }

    @Test
    void on_a_protected_model_a_proposer_needs_enough_accepted_claims() {
        fixture.given(REGISTERED, RELEASE_REGISTERED, PROTECTED)
                .when(proposal(TARGET, Openness.OPEN, "MIT", List.of(EVIDENCE), "r"), reviewer("carol"))
                .expectException(rejected(Reason.FORBIDDEN, "model llama-3 is protected: proposing a claim about it "
                        + "needs 2 accepted claims of your own, and you have 1"))
                .expectNoEvents();
        fixture.given(REGISTERED, RELEASE_REGISTERED, PROTECTED)
                .when(proposal(TARGET, Openness.OPEN, "MIT", List.of(EVIDENCE), "r"), reviewer("bob"))
                .expectEvents(new ClaimProposed(CLAIM, TARGET, Openness.OPEN, "MIT", List.of(EVIDENCE), "r", "bob",
                        "v1", "Meta"));
    }

    @Test
    void the_threshold_recorded_at_protection_applies_and_lifting_opens_the_model_again() {
        fixture.given(REGISTERED, RELEASE_REGISTERED, new ModelProtected(MODEL, 3, "mia", "older, stricter"))
                .when(proposal(TARGET, Openness.OPEN, "MIT", List.of(EVIDENCE), "r"), reviewer("bob"))
                .expectException(rejected(Reason.FORBIDDEN, "needs 3 accepted claims of your own, and you have 2"));
        fixture.given(REGISTERED, RELEASE_REGISTERED, PROTECTED)
                .when(new LiftModelProtection(MODEL, "the spam stopped"), moderator("noah"))
                .expectEvents(new ModelProtectionLifted(MODEL, "noah", "the spam stopped"));
        fixture.given(REGISTERED, RELEASE_REGISTERED, PROTECTED,
                        new ModelProtectionLifted(MODEL, "noah", "the spam stopped"))
                .when(proposal(TARGET, Openness.OPEN, "MIT", List.of(EVIDENCE), "r"), reviewer("dave"))
                .expectEvents(new ClaimProposed(CLAIM, TARGET, Openness.OPEN, "MIT", List.of(EVIDENCE), "r", "dave",
                        "v1", "Meta"));
    }

    // --- imports ---

    private static ImportClaim imported(Openness openness, String rationale) {
        return new ImportClaim(CLAIM, TARGET, openness, null, List.of(EVIDENCE), rationale, "import:osai-index/1",
                "models/Llama.yaml");
    }

    @Test
    void an_import_creates_a_claim_authored_by_the_importer_accepted_and_locked_under_the_import_policy() {
        fixture.given(REGISTERED, RELEASE_REGISTERED)
                .when(imported(Openness.OPEN, "weights on Hugging Face"), admin("ada"))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        matches(event -> event instanceof ClaimImported imported && imported.claimId().equals(CLAIM)
                                && imported.importPolicy().equals("import:osai-index/1")
                                && imported.source().equals("models/Llama.yaml")),
                        equalTo(new ClaimProposed(CLAIM, TARGET, Openness.OPEN, null, List.of(EVIDENCE),
                                "weights on Hugging Face", "importer:osai-index", "import:osai-index/1", "Meta")),
                        equalTo(new ClaimAccepted(CLAIM, TARGET, "import:osai-index/1", 0, 0)),
                        equalTo(new ClaimLocked(CLAIM, TARGET, ClaimStatus.ACCEPTED, "import:osai-index/1")),
                        andNoMore())));
    }

    @Test
    void importing_the_same_fact_again_changes_nothing_even_on_another_day_but_a_changed_fact_is_a_new_claim() {
        ClaimImported first = new ClaimImported(MODEL, TARGET, OTHER_CLAIM, fingerprintOf(imported(Openness.OPEN, "r")),
                "import:osai-index/1", "models/Llama.yaml");
        Evidence laterRetrieval = new Evidence(EVIDENCE.url(), EVIDENCE.quote(), LocalDate.of(2026, 1, 1), null);
        fixture.given(REGISTERED, RELEASE_REGISTERED, first)
                .when(new ImportClaim(CLAIM, TARGET, Openness.OPEN, null, List.of(laterRetrieval), "r",
                        "import:osai-index/1", "history.jsonl@abc"), admin("ada"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(REGISTERED, RELEASE_REGISTERED, first)
                .when(imported(Openness.PARTIAL, "r"), admin("ada"))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(payloadsMatching(matches(events -> ((List<?>) events).size() == 4)));
    }

    /** The fingerprint the family records, read from the event an import produces. */
    private String fingerprintOf(ImportClaim command) {
        List<Object> events = new java.util.ArrayList<>();
        fixture.given(REGISTERED, RELEASE_REGISTERED).when(command, admin("ada"))
                .expectEventsMatching(payloadsMatching(matches(list -> events.addAll((List<?>) list))));
        return ((ClaimImported) events.get(0)).fingerprint();
    }

    @Test
    void only_admins_or_the_platform_import_and_the_policy_must_say_it_is_an_import() {
        fixture.given(REGISTERED, RELEASE_REGISTERED)
                .when(imported(Openness.OPEN, "r"), reviewer("alice"))
                .expectException(rejected(Reason.FORBIDDEN, "importing a claim needs the admin or system role"))
                .expectNoEvents();
        fixture.given(REGISTERED, RELEASE_REGISTERED)
                .when(new ImportClaim(CLAIM, TARGET, Openness.OPEN, null, List.of(EVIDENCE), "r", "v1", null),
                        admin("ada"))
                .expectException(rejected(Reason.INVALID, "importPolicy must start with 'import:'"))
                .expectNoEvents();
        fixture.given(REGISTERED, RELEASE_REGISTERED)
                .when(new ImportClaim(CLAIM, TARGET, Openness.OPEN, null, List.of(), "r", "import:x/1", null),
                        admin("ada"))
                .expectException(rejected(Reason.INVALID, "an imported claim needs 1 to 20 pieces of evidence"))
                .expectNoEvents();
        fixture.given(REGISTERED)
                .when(imported(Openness.OPEN, "r"), admin("ada"))
                .expectException(rejected(Reason.NOT_FOUND, "release " + RELEASE + " is not registered"))
                .expectNoEvents();
    }

    // --- replays: a command not newer than what the family saw of the claim changes nothing ---

    /** A accepted (its event 5) and recorded, then B accepted and recorded in its place. */
    private static final Object[] A_THEN_B = {
            new RecordAcceptedClaim(MODEL, TARGET, CLAIM, 5),
            new RecordAcceptedClaim(MODEL, TARGET, OTHER_CLAIM, 4)};

    @Test
    void a_replayed_acceptance_does_not_displace_the_claim_accepted_since() {
        fixture.given(REGISTERED, RELEASE_REGISTERED)
                .andGivenCommands(commandsAsSystem(A_THEN_B))
                .when(new RecordAcceptedClaim(MODEL, TARGET, CLAIM, 5), system())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void the_sequence_seen_is_rebuilt_from_the_family_events() {
        fixture.given(REGISTERED, RELEASE_REGISTERED, new AcceptedClaimRecorded(MODEL, TARGET, CLAIM, null, 5),
                        new AcceptedClaimRecorded(MODEL, TARGET, OTHER_CLAIM, CLAIM, 4))
                .when(new RecordAcceptedClaim(MODEL, TARGET, CLAIM, 3), system())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_claim_accepted_again_after_a_reopen_is_recorded_again() {
        fixture.given(REGISTERED, RELEASE_REGISTERED)
                .andGivenCommands(commandsAsSystem(A_THEN_B))
                // A was reopened (its event 7) before it was superseded: not the recorded claim, nothing to withdraw
                .andGivenCommands(new GenericCommandMessage<>(new WithdrawAcceptedClaim(MODEL, TARGET, CLAIM, 7),
                        system()))
                .when(new RecordAcceptedClaim(MODEL, TARGET, CLAIM, 9), system())
                .expectEvents(new AcceptedClaimRecorded(MODEL, TARGET, CLAIM, OTHER_CLAIM, 9));
    }

    @Test
    void a_replayed_withdrawal_does_not_undo_a_later_acceptance_of_the_same_claim() {
        fixture.given(REGISTERED, RELEASE_REGISTERED, new AcceptedClaimRecorded(MODEL, TARGET, CLAIM, null, 5),
                        new AcceptedClaimWithdrawn(MODEL, TARGET, CLAIM, 7, null),
                        new AcceptedClaimRecorded(MODEL, TARGET, CLAIM, null, 9))
                .when(new WithdrawAcceptedClaim(MODEL, TARGET, CLAIM, 7), system())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_withdrawal_counts_as_seen_too() {
        // recorded before sequences were stored (read as 0), then withdrawn by its event 7: a replay of the
        // acceptance (event 5) is older than the withdrawal and must not bring the claim back
        fixture.given(REGISTERED, RELEASE_REGISTERED, new AcceptedClaimRecorded(MODEL, TARGET, CLAIM, null, 0),
                        new AcceptedClaimWithdrawn(MODEL, TARGET, CLAIM, 7, null))
                .when(new RecordAcceptedClaim(MODEL, TARGET, CLAIM, 5), system())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_newer_acceptance_of_the_claim_already_recorded_changes_nothing() {
        fixture.given(REGISTERED, RELEASE_REGISTERED, new AcceptedClaimRecorded(MODEL, TARGET, CLAIM, null, 5))
                .when(new RecordAcceptedClaim(MODEL, TARGET, CLAIM, 6), system())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_claim_sequence_cannot_be_negative() {
        fixture.given(REGISTERED, RELEASE_REGISTERED)
                .when(new RecordAcceptedClaim(MODEL, TARGET, CLAIM, -1), system())
                .expectException(rejected(Reason.INVALID, "claimSequence must be an event sequence number"))
                .expectNoEvents();
    }

    private static List<GenericCommandMessage<?>> commandsAsSystem(Object... commands) {
        return Arrays.stream(commands).<GenericCommandMessage<?>>map(c -> new GenericCommandMessage<>(c, system()))
                .toList();
    }
}
