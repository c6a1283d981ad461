package org.opennessledger.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.opennessledger.claims.TestActors.as;
import static org.opennessledger.claims.TestActors.reviewer;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.opennessledger.contracts.claims.ClaimAccepted;
import org.opennessledger.contracts.claims.ClaimLocked;
import org.opennessledger.contracts.claims.ClaimReinstated;
import org.opennessledger.contracts.claims.ClaimRejected;
import org.opennessledger.contracts.claims.ClaimSuperseded;
import org.opennessledger.contracts.claims.ProposeClaim;
import org.opennessledger.contracts.claims.ReviewClaim;
import org.opennessledger.contracts.debate.ArgumentEdited;
import org.opennessledger.contracts.debate.ArgumentPosted;
import org.opennessledger.contracts.debate.EditArgument;
import org.opennessledger.contracts.debate.PostArgument;
import org.opennessledger.contracts.disputes.AppealDispute;
import org.opennessledger.contracts.disputes.AppealWindowClosed;
import org.opennessledger.contracts.disputes.ApplyDisputeDecision;
import org.opennessledger.contracts.disputes.ClaimDisputeSettled;
import org.opennessledger.contracts.disputes.ClaimDisputed;
import org.opennessledger.contracts.disputes.DisputeAppealed;
import org.opennessledger.contracts.disputes.DisputeClaim;
import org.opennessledger.contracts.disputes.DisputeDecision;
import org.opennessledger.contracts.disputes.DisputeOpened;
import org.opennessledger.contracts.disputes.DisputeResolved;
import org.opennessledger.contracts.disputes.DisputeStage;
import org.opennessledger.contracts.disputes.DisputeTaken;
import org.opennessledger.contracts.disputes.ResolveDispute;
import org.opennessledger.contracts.disputes.TakeDispute;
import org.opennessledger.contracts.errors.CommandRejected;
import org.opennessledger.contracts.models.AcceptedClaimRecorded;
import org.opennessledger.contracts.models.AcceptedClaimWithdrawn;
import org.opennessledger.contracts.models.RegisterModelFamily;
import org.opennessledger.contracts.models.RegisterRelease;
import org.opennessledger.contracts.values.ClaimStatus;
import org.opennessledger.contracts.values.ClaimTarget;
import org.opennessledger.contracts.values.ComponentId;
import org.opennessledger.contracts.values.Evidence;
import org.opennessledger.contracts.values.LedgerMetaData;
import org.opennessledger.contracts.values.Openness;
import org.opennessledger.contracts.values.Stance;
import org.opennessledger.contracts.values.Verdict;

/**
 * Debates and disputes in a real Axon configuration: in-memory events, snapshots taken often and
 * stored as the platform stores them (fields only), a SimpleDeadlineManager, and the supersession
 * and dispute processes on subscribing processors.
 */
class DisputesWriteSideIntegrationTest {

    private static final String MODEL = "llama-3";
    private static final String RELEASE = "llama-3.1-8b-instruct";
    private static final ClaimTarget WEIGHTS = ClaimTarget.release(MODEL, RELEASE, ComponentId.FINAL_WEIGHTS);
    private static final Evidence EVIDENCE =
            new Evidence("https://www.llama.com/llama3_1/license/", null, LocalDate.of(2025, 1, 10), null);
    private static final Evidence TERMS =
            new Evidence("https://example.org/terms-v2", "non-commercial use only", LocalDate.of(2025, 3, 1), null);

    private Configuration config;
    private SnapshotSerializingStorageEngine storage;
    private CommandGateway gateway;

    /** Snapshots as the platform's snapshot serializer writes them: private fields, no accessors. */
    private static JacksonSerializer fieldSnapshots() {
        ObjectMapper mapper = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);
        return JacksonSerializer.builder().objectMapper(mapper).build();
    }

    private void start(Duration appealWindow) {
        JacksonSerializer serializer = ClaimsWriteSideIntegrationTest.jackson();
        storage = new SnapshotSerializingStorageEngine(fieldSnapshots());
        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> serializer)
                .configureEmbeddedEventStore(c -> storage)
                .configureCorrelationDataProviders(c -> List.of(new MessageOriginProvider(),
                        new SimpleCorrelationDataProvider(LedgerMetaData.ACTOR_ID, LedgerMetaData.ACTOR_ROLES,
                                LedgerMetaData.REASON)))
                .configureDeadlineManager(c -> SimpleDeadlineManager.builder()
                        .scopeAwareProvider(new ConfigurationScopeAwareProvider(c))
                        .build());
        configurer.eventProcessing(processing -> processing
                .registerSubscribingEventProcessor(SupersessionProcess.PROCESSING_GROUP)
                .registerSubscribingEventProcessor(DisputeProcess.PROCESSING_GROUP));
        // a snapshot after every second event read: later commands load claims and disputes from snapshots
        ClaimsConfiguration.registerWith(configurer, new ClaimsSettings(null, appealWindow, 2));
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

    private static Map<String, Object> moderator(String subject) {
        return as(subject, "moderator");
    }

    private List<Object> events(String aggregateId) {
        return config.eventStore().readEvents(aggregateId, 0).asStream()
                .map(DomainEventMessage::getPayload).map(Object.class::cast).toList();
    }

    private <T> List<T> events(String aggregateId, Class<T> type) {
        return events(aggregateId).stream().filter(type::isInstance).map(type::cast).toList();
    }

    private DomainEventMessage<?> lastMessage(String aggregateId, Class<?> type) {
        return config.eventStore().readEvents(aggregateId, 0).asStream()
                .filter(e -> type.isInstance(e.getPayload())).reduce((a, b) -> b).orElseThrow();
    }

    private long sequenceOf(String aggregateId, Class<?> type) {
        return lastMessage(aggregateId, type).getSequenceNumber();
    }

    private static void assertRejected(Runnable command, CommandRejected.Reason reason, String message) {
        assertThatThrownBy(command::run).isInstanceOfSatisfying(CommandRejected.class, e -> {
            assertThat(e.reason()).isEqualTo(reason);
            assertThat(e.getMessage()).contains(message);
        });
    }

    /** A claim by alice, accepted by bob, carol and dave. */
    private String acceptedClaim() {
        send(new RegisterModelFamily(MODEL, "Llama 3", "Meta", null), reviewer("alice"));
        send(new RegisterRelease(MODEL, RELEASE, "Llama-3.1-8B-Instruct", "3.1", LocalDate.of(2024, 7, 23), null,
                List.of()), reviewer("alice"));
        String claimId = UUID.randomUUID().toString();
        send(new ProposeClaim(claimId, WEIGHTS, Openness.OPEN, "Apache-2.0", List.of(EVIDENCE), "weights under Apache"),
                reviewer("alice"));
        for (String reviewer : List.of("bob", "carol", "dave")) {
            send(new ReviewClaim(claimId, Verdict.AGREE, null), reviewer(reviewer));
        }
        assertThat(events(claimId, ClaimAccepted.class)).hasSize(1);
        return claimId;
    }

    private String dispute(String claimId, String disputer) {
        String disputeId = UUID.randomUUID().toString();
        send(new DisputeClaim(claimId, disputeId, "the licence changed to non-commercial", List.of(TERMS)),
                reviewer(disputer));
        return disputeId;
    }

    @Test
    void a_dispute_is_overturned_appealed_and_upheld_for_good_by_a_second_moderator() {
        start(null);
        String claimId = acceptedClaim();

        // disputed: the claim keeps its status and refuses reviews
        String disputeId = dispute(claimId, "erin");
        assertThat(events(claimId)).last()
                .isEqualTo(new ClaimDisputed(claimId, WEIGHTS, disputeId, "erin", ClaimStatus.ACCEPTED));
        assertThat(events(disputeId)).containsExactly(new DisputeOpened(disputeId, claimId, WEIGHTS,
                ClaimStatus.ACCEPTED, "erin", "the licence changed to non-commercial", List.of(TERMS), "alice",
                Set.of("bob", "carol", "dave")));
        assertRejected(() -> send(new ReviewClaim(claimId, Verdict.DISAGREE, "late"), reviewer("frank")),
                CommandRejected.Reason.CONFLICT, "claim " + claimId + " is under dispute " + disputeId);
        assertRejected(() -> send(new TakeDispute(disputeId, false), as("bob", "moderator,reviewer")),
                CommandRejected.Reason.FORBIDDEN, "moderator bob is involved with claim " + claimId);

        // mia takes it; noah, coming second, finds it owned
        send(new TakeDispute(disputeId, false), moderator("mia"));
        assertRejected(() -> send(new TakeDispute(disputeId, false), moderator("noah")),
                CommandRejected.Reason.CONFLICT, "dispute " + disputeId + " is owned by moderator mia");

        // mia overturns: the claim is rejected, still disputed, and withdrawn from its family
        send(new ResolveDispute(disputeId, DisputeDecision.OVERTURN, "the terms are non-commercial"), moderator("mia"));
        DisputeResolved first = events(disputeId, DisputeResolved.class).get(0);
        assertThat(first.finalDecision()).isFalse();
        assertThat(first.appealableUntil()).isCloseTo(lastMessage(disputeId, DisputeResolved.class).getTimestamp()
                .plus(Duration.ofDays(7)), within(1, ChronoUnit.SECONDS));
        assertThat(events(claimId, ClaimRejected.class))
                .containsExactly(new ClaimRejected(claimId, WEIGHTS, "v1", 3, 0, true));
        assertThat(events(claimId)).last().isEqualTo(new ClaimDisputeSettled(claimId, WEIGHTS, disputeId,
                DisputeStage.FIRST, DisputeDecision.OVERTURN, ClaimStatus.REJECTED, false,
                sequenceOf(disputeId, DisputeResolved.class)));
        assertThat(lastMessage(claimId, ClaimRejected.class).getMetaData())
                .containsEntry(LedgerMetaData.ACTOR_ID, "system");
        assertThat(events(MODEL, AcceptedClaimWithdrawn.class)).extracting(AcceptedClaimWithdrawn::claimId)
                .containsExactly(claimId);
        assertRejected(() -> send(new ReviewClaim(claimId, Verdict.AGREE, null), reviewer("frank")),
                CommandRejected.Reason.CONFLICT, "is under dispute " + disputeId);

        // the author appeals; mia may not hear the appeal, noah takes it and upholds for good
        send(new AppealDispute(disputeId, "the old terms still apply to 1.0"), reviewer("alice"));
        assertThat(events(disputeId)).last().isEqualTo(
                new DisputeAppealed(disputeId, claimId, "alice", "the old terms still apply to 1.0", "mia"));
        assertRejected(() -> send(new AppealDispute(disputeId, "again"), reviewer("erin")),
                CommandRejected.Reason.CONFLICT, "can be appealed once");
        assertRejected(() -> send(new TakeDispute(disputeId, true), moderator("mia")),
                CommandRejected.Reason.FORBIDDEN, "moderator mia decided dispute " + disputeId + " at the first stage");
        send(new TakeDispute(disputeId, false), moderator("noah"));
        assertThat(events(disputeId)).last()
                .isEqualTo(new DisputeTaken(disputeId, claimId, "noah", null, DisputeStage.APPEAL));
        send(new ResolveDispute(disputeId, DisputeDecision.UPHOLD, "release 1.0 shipped under Apache-2.0"),
                moderator("noah"));

        // the claim is accepted again, settled for good and locked; its family records it again
        long finalSequence = sequenceOf(disputeId, DisputeResolved.class);
        List<Object> claimEvents = events(claimId);
        assertThat(claimEvents.subList(claimEvents.size() - 3, claimEvents.size())).containsExactly(
                new ClaimAccepted(claimId, WEIGHTS, "v1", 3, 0),
                new ClaimDisputeSettled(claimId, WEIGHTS, disputeId, DisputeStage.APPEAL, DisputeDecision.UPHOLD,
                        ClaimStatus.ACCEPTED, true, finalSequence),
                new ClaimLocked(claimId, WEIGHTS, ClaimStatus.ACCEPTED, "v1"));
        assertThat(lastMessage(claimId, ClaimLocked.class).getMetaData())
                .containsEntry(LedgerMetaData.ACTOR_ID, "system")
                .containsEntry(LedgerMetaData.REASON, "dispute " + disputeId + " decided for good");
        assertThat(events(MODEL, AcceptedClaimRecorded.class)).extracting(AcceptedClaimRecorded::claimId)
                .containsExactly(claimId, claimId);
        assertRejected(() -> send(new ResolveDispute(disputeId, DisputeDecision.OVERTURN, "again"), moderator("noah")),
                CommandRejected.Reason.CONFLICT, "is closed");
        assertRejected(() -> send(new ReviewClaim(claimId, Verdict.DISAGREE, "no"), reviewer("frank")),
                CommandRejected.Reason.CONFLICT, "is locked as ACCEPTED");

        // applying the final decision again (a redelivery) changes nothing
        int before = events(claimId).size();
        send(new ApplyDisputeDecision(claimId, disputeId, DisputeStage.APPEAL, DisputeDecision.UPHOLD, true,
                finalSequence), TestActors.system());
        assertThat(events(claimId)).hasSize(before);
        assertThat(storage.hasSnapshot(claimId)).isTrue();
        assertThat(storage.hasSnapshot(disputeId)).isTrue();
    }

    /** A second claim on the same target, by frank, reviewed by bob, carol and dave. */
    private String secondClaim(Verdict verdict) {
        String claimId = UUID.randomUUID().toString();
        send(new ProposeClaim(claimId, WEIGHTS, Openness.PARTIAL, "LicenseRef-Llama-3.1", List.of(TERMS),
                "community licence with use limits"), reviewer("frank"));
        for (String reviewer : List.of("bob", "carol", "dave")) {
            send(new ReviewClaim(claimId, verdict, verdict == Verdict.DISAGREE ? "not what the terms say" : null),
                    reviewer(reviewer));
        }
        return claimId;
    }

    private ClaimStatus statusOf(String claimId) {
        ClaimStatus status = ClaimStatus.PROPOSED;
        for (Object event : events(claimId)) {
            if (event instanceof ClaimAccepted || event instanceof ClaimReinstated) {
                status = ClaimStatus.ACCEPTED;
            } else if (event instanceof ClaimRejected) {
                status = ClaimStatus.REJECTED;
            } else if (event instanceof ClaimSuperseded) {
                status = ClaimStatus.SUPERSEDED;
            }
        }
        return status;
    }

    private void decide(String disputeId, String moderator, DisputeDecision decision) {
        send(new TakeDispute(disputeId, false), moderator(moderator));
        send(new ResolveDispute(disputeId, decision, "decided by " + moderator), moderator(moderator));
    }

    @Test
    void an_overturned_acceptance_gives_the_target_back_its_previous_claim_until_the_appeal_restores_it() {
        start(null);
        String older = acceptedClaim();
        String newer = secondClaim(Verdict.AGREE);
        assertThat(statusOf(newer)).isEqualTo(ClaimStatus.ACCEPTED);
        assertThat(statusOf(older)).isEqualTo(ClaimStatus.SUPERSEDED);

        // overturned at the first stage: the newer claim is rejected and the older one reinstated
        String disputeId = dispute(newer, "erin");
        decide(disputeId, "mia", DisputeDecision.OVERTURN);
        assertThat(statusOf(newer)).isEqualTo(ClaimStatus.REJECTED);
        assertThat(statusOf(older)).isEqualTo(ClaimStatus.ACCEPTED);
        assertThat(events(older, ClaimReinstated.class)).containsExactly(new ClaimReinstated(older, WEIGHTS, newer, "v1"));
        assertThat(lastMessage(older, ClaimReinstated.class).getMetaData())
                .containsEntry(LedgerMetaData.ACTOR_ID, "system")
                .hasEntrySatisfying(LedgerMetaData.REASON, reason -> assertThat((String) reason)
                        .contains("claim " + newer + " lost its acceptance"));
        assertThat(events(MODEL, AcceptedClaimWithdrawn.class)).last()
                .isEqualTo(new AcceptedClaimWithdrawn(MODEL, WEIGHTS, newer,
                        sequenceOf(newer, ClaimRejected.class), older));

        // the author appeals and noah restores the acceptance for good: the older claim is superseded again
        send(new AppealDispute(disputeId, "the terms changed only for later releases"), reviewer("frank"));
        decide(disputeId, "noah", DisputeDecision.UPHOLD);
        assertThat(statusOf(newer)).isEqualTo(ClaimStatus.ACCEPTED);
        assertThat(statusOf(older)).isEqualTo(ClaimStatus.SUPERSEDED);
        assertThat(events(MODEL, AcceptedClaimRecorded.class)).last()
                .isEqualTo(new AcceptedClaimRecorded(MODEL, WEIGHTS, newer, older,
                        sequenceOf(newer, ClaimAccepted.class)));
    }

    @Test
    void an_overturned_rejection_reversed_on_appeal_leaves_the_previously_accepted_claim_accepted() {
        start(null);
        String accepted = acceptedClaim();
        String rejected = secondClaim(Verdict.DISAGREE);
        assertThat(statusOf(rejected)).isEqualTo(ClaimStatus.REJECTED);

        // the rejection is overturned: the disputed claim is accepted and replaces the accepted one
        String disputeId = dispute(rejected, "erin");
        decide(disputeId, "mia", DisputeDecision.OVERTURN);
        assertThat(statusOf(rejected)).isEqualTo(ClaimStatus.ACCEPTED);
        assertThat(statusOf(accepted)).isEqualTo(ClaimStatus.SUPERSEDED);

        // on appeal the rejection stands: the claim that had been accepted before is accepted again
        send(new AppealDispute(disputeId, "the reviewers read the terms right"), reviewer("erin"));
        decide(disputeId, "noah", DisputeDecision.UPHOLD);
        assertThat(statusOf(rejected)).isEqualTo(ClaimStatus.REJECTED);
        assertThat(statusOf(accepted)).isEqualTo(ClaimStatus.ACCEPTED);
        assertThat(events(MODEL, AcceptedClaimWithdrawn.class)).last()
                .isEqualTo(new AcceptedClaimWithdrawn(MODEL, WEIGHTS, rejected,
                        sequenceOf(rejected, ClaimRejected.class), accepted));
    }

    @Test
    void without_an_appeal_the_window_closes_and_the_first_decision_becomes_final() throws Exception {
        start(Duration.ofMillis(300));
        String claimId = acceptedClaim();
        String disputeId = dispute(claimId, "carol");
        send(new TakeDispute(disputeId, false), moderator("mia"));
        send(new ResolveDispute(disputeId, DisputeDecision.UPHOLD, "the licence text is unambiguous"), moderator("mia"));
        assertThat(events(claimId)).last().isEqualTo(new ClaimDisputeSettled(claimId, WEIGHTS, disputeId,
                DisputeStage.FIRST, DisputeDecision.UPHOLD, ClaimStatus.ACCEPTED, false,
                sequenceOf(disputeId, DisputeResolved.class)));

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (events(claimId, ClaimLocked.class).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(events(disputeId)).last()
                .isEqualTo(new AppealWindowClosed(disputeId, claimId, WEIGHTS, DisputeDecision.UPHOLD));
        DomainEventMessage<?> closed = lastMessage(disputeId, AppealWindowClosed.class);
        assertThat(closed.getMetaData()).containsEntry(LedgerMetaData.ACTOR_ID, "system")
                .containsEntry(LedgerMetaData.REASON, "appeal window of dispute " + disputeId + " closed at "
                        + events(disputeId, DisputeResolved.class).get(0).appealableUntil());
        List<Object> claimEvents = events(claimId);
        assertThat(claimEvents.subList(claimEvents.size() - 2, claimEvents.size())).containsExactly(
                new ClaimDisputeSettled(claimId, WEIGHTS, disputeId, DisputeStage.FIRST, DisputeDecision.UPHOLD,
                        ClaimStatus.ACCEPTED, true, closed.getSequenceNumber()),
                new ClaimLocked(claimId, WEIGHTS, ClaimStatus.ACCEPTED, "v1"));
        assertThat(events(claimId, ClaimAccepted.class)).hasSize(1);
        assertRejected(() -> send(new AppealDispute(disputeId, "too late"), reviewer("alice")),
                CommandRejected.Reason.CONFLICT, "the appeal window of dispute " + disputeId + " closed at");
    }

    @Test
    void of_two_moderators_taking_a_dispute_at_once_one_wins_and_the_other_gets_a_conflict() throws Exception {
        start(null);
        String disputeId = dispute(acceptedClaim(), "erin");
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<String>> takes = new ArrayList<>();
        for (String moderator : List.of("mia", "noah")) {
            takes.add(CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                    send(new TakeDispute(disputeId, false), moderator(moderator));
                    return "taken";
                } catch (CommandRejected e) {
                    return e.reason() + ": " + e.getMessage();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return "interrupted";
                }
            }));
        }
        go.countDown();
        List<String> outcomes = new ArrayList<>();
        for (CompletableFuture<String> take : takes) {
            outcomes.add(take.get(10, TimeUnit.SECONDS));
        }
        assertThat(outcomes).filteredOn("taken"::equals).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o.startsWith("CONFLICT: dispute " + disputeId + " is owned by moderator"))
                .hasSize(1);
        assertThat(events(disputeId, DisputeTaken.class)).hasSize(1);
    }

    @Test
    void a_debate_threads_replies_and_keeps_revisions_across_snapshots() {
        start(null);
        String claimId = acceptedClaim();
        String root = UUID.randomUUID().toString();
        String reply = UUID.randomUUID().toString();
        String script = "<script>alert(1)</script> **bold**";
        send(new PostArgument(claimId, root, null, Stance.CON, script, List.of(TERMS)), reviewer("bob"));
        send(new PostArgument(claimId, reply, root, Stance.QUESTION, "Which release?", null), reviewer("carol"));
        send(new EditArgument(claimId, root, "The weights are gated.", List.of(TERMS)), reviewer("bob"));

        assertThat(events(claimId, ArgumentPosted.class)).containsExactly(
                new ArgumentPosted(claimId, root, null, Stance.CON, script, List.of(TERMS), "bob"),
                new ArgumentPosted(claimId, reply, root, Stance.QUESTION, "Which release?", List.of(), "carol"));
        assertThat(events(claimId, ArgumentEdited.class)).containsExactly(
                new ArgumentEdited(claimId, root, 2, "The weights are gated.", List.of(TERMS), true, "bob"));
        assertThat(storage.hasSnapshot(claimId)).isTrue();
        assertRejected(() -> send(new EditArgument(claimId, root, "The weights are gated.", List.of(TERMS)),
                reviewer("bob")), CommandRejected.Reason.INVALID, "the edit changes nothing");
        assertRejected(() -> send(new EditArgument(claimId, root, "hijack", List.of()), reviewer("carol")),
                CommandRejected.Reason.FORBIDDEN, "only the author of argument " + root);
        assertRejected(() -> send(new PostArgument(claimId, UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                Stance.PRO, "reply to nothing", null), reviewer("carol")), CommandRejected.Reason.NOT_FOUND,
                "is not an argument of claim " + claimId);
    }

    @Test
    void commands_to_an_unknown_dispute_or_claim_are_not_found() {
        start(null);
        String unknown = UUID.randomUUID().toString();
        assertRejected(() -> send(new TakeDispute(unknown, false), moderator("mia")),
                CommandRejected.Reason.NOT_FOUND, "dispute " + unknown + " does not exist");
        assertRejected(() -> send(new ResolveDispute(unknown, DisputeDecision.UPHOLD, "r"), moderator("mia")),
                CommandRejected.Reason.NOT_FOUND, "dispute " + unknown + " does not exist");
        assertRejected(() -> send(new AppealDispute(unknown, "r"), reviewer("alice")),
                CommandRejected.Reason.NOT_FOUND, "dispute " + unknown + " does not exist");
        assertRejected(() -> send(new DisputeClaim(unknown, UUID.randomUUID().toString(), "r", List.of(TERMS)),
                reviewer("erin")), CommandRejected.Reason.NOT_FOUND, "claim " + unknown + " does not exist");
        assertRejected(() -> send(new PostArgument(unknown, UUID.randomUUID().toString(), null, Stance.PRO, "t", null),
                reviewer("erin")), CommandRejected.Reason.NOT_FOUND, "claim " + unknown + " does not exist");
        assertRejected(() -> send(new EditArgument(unknown, UUID.randomUUID().toString(), "t", null),
                reviewer("erin")), CommandRejected.Reason.NOT_FOUND, "claim " + unknown + " does not exist");
        assertRejected(() -> send(new ApplyDisputeDecision(unknown, unknown, DisputeStage.FIRST,
                DisputeDecision.UPHOLD, true, 1), TestActors.system()), CommandRejected.Reason.NOT_FOUND,
                "claim " + unknown + " does not exist");
        assertThat(events(unknown)).isEmpty();
    }

    @Test
    void an_id_of_another_kind_is_not_found_either() {
        start(null);
        String claimId = acceptedClaim();
        String disputeId = dispute(claimId, "erin");
        send(new TakeDispute(disputeId, false), moderator("mia")); // enough events for snapshots of both
        int claimEvents = events(claimId).size();
        int disputeEvents = events(disputeId).size();

        assertRejected(() -> send(new ReviewClaim(disputeId, Verdict.AGREE, null), reviewer("frank")),
                CommandRejected.Reason.NOT_FOUND, "claim " + disputeId + " does not exist");
        assertRejected(() -> send(new PostArgument(disputeId, UUID.randomUUID().toString(), null, Stance.PRO, "t",
                null), reviewer("frank")), CommandRejected.Reason.NOT_FOUND, "claim " + disputeId + " does not exist");
        assertRejected(() -> send(new TakeDispute(claimId, false), moderator("noah")),
                CommandRejected.Reason.NOT_FOUND, "dispute " + claimId + " does not exist");
        assertRejected(() -> send(new PostArgument(MODEL, UUID.randomUUID().toString(), null, Stance.PRO, "t", null),
                reviewer("frank")), CommandRejected.Reason.NOT_FOUND, "claim " + MODEL + " does not exist");
        assertRejected(() -> send(new RegisterRelease(claimId, "r1", "R1", "1", null, null, List.of()),
                reviewer("frank")), CommandRejected.Reason.NOT_FOUND, "model " + claimId + " is not registered");
        assertThat(events(claimId)).hasSize(claimEvents);
        assertThat(events(disputeId)).hasSize(disputeEvents);
    }
}
