package org.opennessledger.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opennessledger.claims.TestActors.admin;
import static org.opennessledger.claims.TestActors.reviewer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.deadline.SimpleDeadlineManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opennessledger.claims.process.DisputeProcess;
import org.opennessledger.claims.process.SupersessionProcess;
import org.opennessledger.contracts.annotations.AnnotationArgumentEdited;
import org.opennessledger.contracts.annotations.AnnotationReviewed;
import org.opennessledger.contracts.annotations.CreateAnnotation;
import org.opennessledger.contracts.annotations.EditAnnotationArgument;
import org.opennessledger.contracts.annotations.PostAnnotationArgument;
import org.opennessledger.contracts.annotations.ReviewAnnotation;
import org.opennessledger.contracts.annotations.TextQuoteSelector;
import org.opennessledger.contracts.claims.ClaimAccepted;
import org.opennessledger.contracts.claims.ClaimLocked;
import org.opennessledger.contracts.claims.ClaimProposed;
import org.opennessledger.contracts.claims.ClaimRejected;
import org.opennessledger.contracts.claims.ClaimReopened;
import org.opennessledger.contracts.claims.ClaimReviewed;
import org.opennessledger.contracts.claims.ClaimSuperseded;
import org.opennessledger.contracts.claims.ProposeClaim;
import org.opennessledger.contracts.claims.ReviewClaim;
import org.opennessledger.contracts.documents.AddDocumentVersion;
import org.opennessledger.contracts.documents.AnnotationReanchored;
import org.opennessledger.contracts.documents.DocumentVersionAdded;
import org.opennessledger.contracts.errors.CommandRejected;
import org.opennessledger.contracts.models.AcceptedClaimRecorded;
import org.opennessledger.contracts.models.AcceptedClaimWithdrawn;
import org.opennessledger.contracts.models.RegisterModelFamily;
import org.opennessledger.contracts.models.RegisterRelease;
import org.opennessledger.contracts.policy.PublishConsensusPolicy;
import org.opennessledger.contracts.values.ClaimStatus;
import org.opennessledger.contracts.values.ClaimTarget;
import org.opennessledger.contracts.values.ComponentId;
import org.opennessledger.contracts.values.DocumentIds;
import org.opennessledger.contracts.values.Evidence;
import org.opennessledger.contracts.values.LedgerMetaData;
import org.opennessledger.contracts.values.Openness;
import org.opennessledger.contracts.values.Stance;
import org.opennessledger.contracts.values.Verdict;

/**
 * The write side in a real Axon configuration (in-memory events, Jackson-serialized snapshots,
 * a SimpleDeadlineManager, the supersession process on a subscribing processor).
 */
class ClaimsWriteSideIntegrationTest {

    private static final String MODEL = "llama-3";
    private static final String RELEASE = "llama-3.1-8b-instruct";
    private static final ClaimTarget WEIGHTS = ClaimTarget.release(MODEL, RELEASE, ComponentId.FINAL_WEIGHTS);
    private static final Evidence EVIDENCE =
            new Evidence("https://www.llama.com/llama3_1/license/", null, LocalDate.of(2025, 1, 10), null);

    static JacksonSerializer jackson() {
        return JacksonSerializer.builder()
                .objectMapper(new ObjectMapper().registerModule(new JavaTimeModule()))
                .build();
    }

    private Configuration config;
    private SnapshotSerializingStorageEngine storage;
    private CommandGateway gateway;

    private void start(ClaimsSettings settings) {
        JacksonSerializer serializer = jackson();
        storage = new SnapshotSerializingStorageEngine(serializer);
        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> serializer)
                .configureEmbeddedEventStore(c -> storage)
                // as the platform does: events inherit who and why from the command that caused them
                .configureCorrelationDataProviders(c -> List.of(new MessageOriginProvider(),
                        new SimpleCorrelationDataProvider(LedgerMetaData.ACTOR_ID, LedgerMetaData.ACTOR_ROLES,
                                LedgerMetaData.REASON)))
                .configureDeadlineManager(c -> SimpleDeadlineManager.builder()
                        .scopeAwareProvider(new ConfigurationScopeAwareProvider(c))
                        .build());
        configurer.eventProcessing(processing -> processing
                .registerSubscribingEventProcessor(SupersessionProcess.PROCESSING_GROUP)
                .registerSubscribingEventProcessor(DisputeProcess.PROCESSING_GROUP));
        ClaimsConfiguration.registerWith(configurer, settings);
        config = configurer.start();
        gateway = config.commandGateway();
    }

    @AfterEach
    void stop() {
        if (config != null) {
            config.shutdown();
        }
    }

    private void send(Object command, Map<String, ?> metaData) {
        gateway.sendAndWait(new GenericCommandMessage<>(command, metaData));
    }

    private List<Object> events(String aggregateId) {
        return config.eventStore().readEvents(aggregateId, 0).asStream()
                .map(DomainEventMessage::getPayload).map(Object.class::cast).toList();
    }

    private <T> List<T> events(String aggregateId, Class<T> type) {
        return events(aggregateId).stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The stored message of the last event of that type in the aggregate's stream. */
    private DomainEventMessage<?> lastMessage(String aggregateId, Class<?> type) {
        return config.eventStore().readEvents(aggregateId, 0).asStream()
                .filter(e -> type.isInstance(e.getPayload())).reduce((a, b) -> b).orElseThrow();
    }

    /** The sequence number of the last event of that type in the aggregate's stream. */
    private long sequenceOf(String aggregateId, Class<?> type) {
        return lastMessage(aggregateId, type).getSequenceNumber();
    }

    private void registerFamilyAndRelease() {
        send(new RegisterModelFamily(MODEL, "Llama 3", "Meta", null), reviewer("alice"));
        send(new RegisterRelease(MODEL, RELEASE, "Llama-3.1-8B-Instruct", "3.1", LocalDate.of(2024, 7, 23), null,
                List.of("https://huggingface.co/meta-llama/Llama-3.1-8B-Instruct")), reviewer("alice"));
    }

    private String propose(ClaimTarget target, String licence) {
        String claimId = UUID.randomUUID().toString();
        send(new ProposeClaim(claimId, target, Openness.PARTIAL, licence, List.of(EVIDENCE), "See the licence"),
                reviewer("alice"));
        return claimId;
    }

    private void review(String claimId, String reviewer, Verdict verdict) {
        send(new ReviewClaim(claimId, verdict, verdict == Verdict.DISAGREE ? "I read it differently" : null),
                reviewer(reviewer));
    }

    @Test
    void documents_and_annotations_work_from_their_snapshots() {
        start(new ClaimsSettings(null, 2)); // a snapshot every second event: every load below starts from one
        String url = "https://example.org/sample-licence";
        String documentId = DocumentIds.forUrl(url);
        String v1 = "Sample Licence\n1. Use it.\n2. Not above 500 million monthly users.\n";
        String v2 = "Sample Licence\n0. Terms.\n1. Use it.\n2. Not above 500 million monthly users.\n";
        String annotationId = UUID.randomUUID().toString();
        Instant read = Instant.parse("2025-04-01T10:00:00Z");
        send(new AddDocumentVersion(documentId, url, "Sample", "text/plain", v1, read), reviewer("alice"));
        send(new CreateAnnotation(annotationId, documentId, 1, new TextQuoteSelector("Not above 500 million", null, null),
                null, List.of("user-type-threshold"), null, "assessing"), reviewer("carol"));
        send(new ReviewAnnotation(annotationId, Verdict.AGREE, "it is a cap"), reviewer("bob"));
        send(new ReviewAnnotation(annotationId, Verdict.DISAGREE, "it caps customers"), reviewer("dave"));
        send(new ReviewAnnotation(annotationId, Verdict.AGREE, "it is a cap"), reviewer("bob")); // the same again
        String argumentId = UUID.randomUUID().toString();
        send(new PostAnnotationArgument(annotationId, argumentId, null, Stance.CON, "it caps customers", List.of()),
                reviewer("dave"));
        send(new ReviewAnnotation(annotationId, Verdict.DISAGREE, "it caps paying customers"), reviewer("dave"));
        send(new EditAnnotationArgument(annotationId, argumentId, "it caps paying customers", List.of()),
                reviewer("dave"));
        send(new AddDocumentVersion(documentId, url, "Sample", "text/plain", v2, read), reviewer("alice"));
        send(new AddDocumentVersion(documentId, url, "Sample", "text/plain", v2, read), reviewer("alice"));

        assertThat(storage.snapshotsStored()).isPositive();
        assertThat(events(annotationId, AnnotationReviewed.class)).hasSize(3);
        // the edit was admitted from a snapshot that kept the argument and its author
        assertThat(events(annotationId, AnnotationArgumentEdited.class)).singleElement()
                .satisfies(edited -> assertThat(edited.revision()).isEqualTo(2));
        assertThat(events(documentId, DocumentVersionAdded.class)).extracting(DocumentVersionAdded::version)
                .containsExactly(1, 2);
        assertThat(events(documentId, AnnotationReanchored.class)).singleElement().satisfies(moved -> {
            assertThat(moved.anchor().position().start()).isEqualTo(v2.indexOf("Not above"));
            assertThat(moved.toVersion()).isEqualTo(2);
        });
    }

    @Test
    void proposals_reviews_acceptance_and_supersession_run_end_to_end() {
        start(new ClaimsSettings(null, 2));
        registerFamilyAndRelease();

        String first = propose(WEIGHTS, "llama3.1-community");
        assertThat(events(first)).first().isEqualTo(new ClaimProposed(first, WEIGHTS, Openness.PARTIAL,
                "llama3.1-community", List.of(EVIDENCE), "See the licence", "alice", "v1", "Meta"));
        review(first, "bob", Verdict.AGREE);
        review(first, "carol", Verdict.AGREE);
        review(first, "dave", Verdict.AGREE);
        assertThat(events(first, ClaimAccepted.class))
                .containsExactly(new ClaimAccepted(first, WEIGHTS, "v1", 3, 0));
        assertThat(events(MODEL, AcceptedClaimRecorded.class)).containsExactly(
                new AcceptedClaimRecorded(MODEL, WEIGHTS, first, null, sequenceOf(first, ClaimAccepted.class)));

        String second = propose(WEIGHTS, "LicenseRef-llama-3.1-amended");
        review(second, "bob", Verdict.AGREE);
        review(second, "carol", Verdict.AGREE);
        review(second, "dave", Verdict.DISAGREE);
        assertThat(events(second, ClaimAccepted.class))
                .containsExactly(new ClaimAccepted(second, WEIGHTS, "v1", 2, 1));
        assertThat(events(MODEL, AcceptedClaimRecorded.class)).last().isEqualTo(
                new AcceptedClaimRecorded(MODEL, WEIGHTS, second, first, sequenceOf(second, ClaimAccepted.class)));
        assertThat(events(first)).last().isEqualTo(
                new ClaimSuperseded(first, WEIGHTS, second, "superseded by accepted claim " + second));

        // the process acts as the platform and says why, though the event it reacts to names a reviewer
        DomainEventMessage<?> accepted = config.eventStore().readEvents(second, 0).asStream()
                .filter(e -> e.getPayload() instanceof ClaimAccepted).findFirst().orElseThrow();
        assertThat(accepted.getMetaData()).containsEntry(LedgerMetaData.ACTOR_ID, "dave");
        DomainEventMessage<?> superseded = config.eventStore().readEvents(first, 0).asStream()
                .filter(e -> e.getPayload() instanceof ClaimSuperseded).findFirst().orElseThrow();
        assertThat(superseded.getMetaData()).containsEntry(LedgerMetaData.ACTOR_ID, "system")
                .containsEntry(LedgerMetaData.ACTOR_ROLES, "system");
        assertThat((String) superseded.getMetaData().get(LedgerMetaData.REASON))
                .contains("claim " + second + " was accepted for " + WEIGHTS.key());

        // snapshots were taken and loading from them keeps the state: the superseded claim refuses reviews,
        // and a changed review on the second claim knows its previous verdict
        assertThat(storage.hasSnapshot(first)).isTrue();
        assertThat(storage.hasSnapshot(second)).isTrue();
        assertThatThrownBy(() -> review(first, "erin", Verdict.AGREE))
                .isInstanceOfSatisfying(CommandRejected.class, e -> {
                    assertThat(e.reason()).isEqualTo(CommandRejected.Reason.CONFLICT);
                    assertThat(e.getMessage()).contains("superseded by claim " + second);
                });
        review(second, "dave", Verdict.AGREE);
        assertThat(events(second, ClaimReviewed.class)).last()
                .isEqualTo(new ClaimReviewed(second, "dave", Verdict.AGREE, null, Verdict.DISAGREE, 3, 0));
    }

    @Test
    void a_claim_that_loses_its_acceptance_is_withdrawn_from_its_family() {
        start(ClaimsSettings.DEFAULTS);
        registerFamilyAndRelease();
        ClaimTarget card = ClaimTarget.release(MODEL, RELEASE, ComponentId.MODEL_CARD);

        // accepted, then reopened by a changed review
        String reopened = propose(WEIGHTS, "MIT");
        review(reopened, "bob", Verdict.AGREE);
        review(reopened, "carol", Verdict.AGREE);
        review(reopened, "dave", Verdict.DISAGREE);
        review(reopened, "erin", Verdict.DISAGREE);
        // accepted, then rejected outright by a changed review
        String rejected = propose(card, "MIT");
        review(rejected, "bob", Verdict.AGREE);
        review(rejected, "carol", Verdict.AGREE);
        review(rejected, "dave", Verdict.DISAGREE);
        review(rejected, "bob", Verdict.DISAGREE);

        assertThat(events(MODEL, AcceptedClaimWithdrawn.class)).containsExactly(
                new AcceptedClaimWithdrawn(MODEL, WEIGHTS, reopened, sequenceOf(reopened, ClaimReopened.class), null),
                new AcceptedClaimWithdrawn(MODEL, card, rejected, sequenceOf(rejected, ClaimRejected.class), null));

        // with nothing accepted for the target, the next accepted claim replaces nothing
        String next = propose(WEIGHTS, "Apache-2.0");
        review(next, "bob", Verdict.AGREE);
        review(next, "carol", Verdict.AGREE);
        review(next, "dave", Verdict.AGREE);
        assertThat(events(MODEL, AcceptedClaimRecorded.class)).last().isEqualTo(
                new AcceptedClaimRecorded(MODEL, WEIGHTS, next, null, sequenceOf(next, ClaimAccepted.class)));
        assertThat(events(reopened, ClaimSuperseded.class)).isEmpty();
    }

    @Test
    void a_claim_for_an_unknown_release_is_refused_and_stores_nothing() {
        start(ClaimsSettings.DEFAULTS);
        registerFamilyAndRelease();
        String claimId = UUID.randomUUID().toString();
        ClaimTarget unknown = ClaimTarget.release(MODEL, "llama-3.9-1t", ComponentId.FINAL_WEIGHTS);

        assertThatThrownBy(() -> send(new ProposeClaim(claimId, unknown, Openness.OPEN, "MIT", List.of(EVIDENCE),
                "r"), reviewer("alice")))
                .isInstanceOfSatisfying(CommandRejected.class, e -> {
                    assertThat(e.reason()).isEqualTo(CommandRejected.Reason.NOT_FOUND);
                    assertThat(e.getMessage()).isEqualTo("release llama-3.9-1t is not registered for model llama-3");
                });
        assertThat(events(claimId)).isEmpty();
        assertThat(config.eventStore().lastSequenceNumberFor(claimId)).isEmpty();
    }

    @Test
    void commands_for_unknown_models_or_claims_are_not_found() {
        start(ClaimsSettings.DEFAULTS);
        assertThatThrownBy(() -> send(new RegisterRelease("mistral", "mistral-7b", "Mistral 7B", null, null, null,
                List.of()), reviewer("alice")))
                .isInstanceOfSatisfying(CommandRejected.class, e -> {
                    assertThat(e.reason()).isEqualTo(CommandRejected.Reason.NOT_FOUND);
                    assertThat(e.getMessage()).isEqualTo("model mistral is not registered");
                });
        String claimId = UUID.randomUUID().toString();
        assertThatThrownBy(() -> review(claimId, "bob", Verdict.AGREE))
                .isInstanceOfSatisfying(CommandRejected.class, e -> {
                    assertThat(e.reason()).isEqualTo(CommandRejected.Reason.NOT_FOUND);
                    assertThat(e.getMessage()).isEqualTo("claim " + claimId + " does not exist");
                });
        assertThat(events("mistral")).isEmpty();
    }

    @Test
    void two_concurrent_reviews_of_one_claim_both_count() throws Exception {
        start(ClaimsSettings.DEFAULTS);
        registerFamilyAndRelease();
        String claimId = propose(WEIGHTS, "MIT");
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Void>> reviews = new ArrayList<>();
        for (String reviewer : List.of("bob", "carol")) {
            reviews.add(CompletableFuture.runAsync(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                review(claimId, reviewer, Verdict.AGREE);
            }));
        }
        go.countDown();
        CompletableFuture.allOf(reviews.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);

        List<ClaimReviewed> reviewed = events(claimId, ClaimReviewed.class);
        assertThat(reviewed).extracting(ClaimReviewed::reviewerId).containsExactlyInAnyOrder("bob", "carol");
        assertThat(reviewed).extracting(ClaimReviewed::agreeCount).containsExactly(1, 2);
    }

    @Test
    void a_published_policy_governs_later_proposals_and_decisions() {
        start(ClaimsSettings.DEFAULTS);
        registerFamilyAndRelease();
        Object version = gateway.sendAndWait(new GenericCommandMessage<>(
                new PublishConsensusPolicy(2, 0.75, 0.75, Duration.ofDays(30)), admin("root")));
        assertThat(version).isEqualTo("v2");

        String claimId = propose(WEIGHTS, "MIT");
        assertThat(events(claimId, ClaimProposed.class)).extracting(ClaimProposed::policyVersion)
                .containsExactly("v2");
        review(claimId, "bob", Verdict.AGREE);
        review(claimId, "carol", Verdict.AGREE);
        assertThat(events(claimId, ClaimAccepted.class))
                .containsExactly(new ClaimAccepted(claimId, WEIGHTS, "v2", 2, 0));
    }

    @Test
    void an_accepted_claim_locks_after_the_configured_lock_period() throws Exception {
        start(new ClaimsSettings(Duration.ofMillis(200), 100));
        registerFamilyAndRelease();
        String claimId = propose(WEIGHTS, "MIT");
        review(claimId, "bob", Verdict.AGREE);
        review(claimId, "carol", Verdict.AGREE);
        review(claimId, "dave", Verdict.AGREE);

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (events(claimId, ClaimLocked.class).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        // the overridden lock period makes the built-in policy a different one, and its version says so
        assertThat(events(claimId, ClaimProposed.class)).extracting(ClaimProposed::policyVersion)
                .containsExactly("v1+lock-PT0.2S");
        assertThat(events(claimId, ClaimLocked.class))
                .containsExactly(new ClaimLocked(claimId, WEIGHTS, ClaimStatus.ACCEPTED, "v1+lock-PT0.2S"));
        // a deadline carries no reviewer: the lock names the platform, why, and a correlation id of its own
        DomainEventMessage<?> accepted = lastMessage(claimId, ClaimAccepted.class);
        DomainEventMessage<?> locked = lastMessage(claimId, ClaimLocked.class);
        assertThat(locked.getMetaData()).containsEntry(LedgerMetaData.ACTOR_ID, "system")
                .containsEntry(LedgerMetaData.ACTOR_ROLES, "system")
                .containsEntry(LedgerMetaData.REASON, "status ACCEPTED reached at " + accepted.getTimestamp()
                        + " locked after the lock period of policy v1+lock-PT0.2S (PT0.2S)");
        assertThat((String) locked.getMetaData().get(LedgerMetaData.CORRELATION_ID)).isNotBlank()
                .isNotEqualTo(accepted.getMetaData().get(LedgerMetaData.CORRELATION_ID));
        assertThatThrownBy(() -> review(claimId, "erin", Verdict.DISAGREE))
                .isInstanceOfSatisfying(CommandRejected.class,
                        e -> assertThat(e.reason()).isEqualTo(CommandRejected.Reason.CONFLICT));
    }
}
