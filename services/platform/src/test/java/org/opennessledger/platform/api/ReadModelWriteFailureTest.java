package org.opennessledger.platform.api;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.opennessledger.assessments.projection.ReadModelProjector;
import org.opennessledger.assessments.readmodel.ReadModels;
import org.opennessledger.contracts.claims.ProposeClaim;
import org.opennessledger.contracts.claims.ReviewClaim;
import org.opennessledger.contracts.models.RegisterModelFamily;
import org.opennessledger.contracts.models.RegisterRelease;
import org.opennessledger.contracts.values.ClaimTarget;
import org.opennessledger.contracts.values.ComponentId;
import org.opennessledger.contracts.values.Evidence;
import org.opennessledger.contracts.values.Openness;
import org.opennessledger.contracts.values.Verdict;
import org.opennessledger.platform.Platform;
import org.opennessledger.platform.TestActors;

/**
 * A read-model write that fails for a while (here: a model page whose revision a stranger spoiled, so every
 * conditional write of it is refused) stops the read-model processor on that batch; once the write can
 * succeed again, the batch is applied. The processor used to store its token before handling a batch, in
 * the read store, outside the event-store transaction: the retry then began after the failed batch and its
 * events never reached the read models.
 */
class ReadModelWriteFailureTest {

    @Test
    void aBatchWhoseReadModelWriteFailsIsRetriedUntilItIsApplied() throws Exception {
        try (Platform platform = SharedPlatform.start(Map.of())) {
            CommandGateway commands = platform.axon().commandGateway();
            String modelId = "retried-" + UUID.randomUUID().toString().substring(0, 8);
            String claimId = UUID.randomUUID().toString();
            commands.sendAndWait(new RegisterModelFamily(modelId, "Retried", "Retry Lab", "a family"), as("admin"));
            commands.sendAndWait(new RegisterRelease(modelId, "r1", "Release 1", "1.0", LocalDate.of(2026, 1, 1), null,
                    List.of()), as("admin"));
            commands.sendAndWait(new ProposeClaim(claimId, new ClaimTarget(modelId, "r1", ComponentId.values()[0]),
                    Openness.OPEN, "MIT", List.of(new Evidence("https://example.org/retried", null,
                    LocalDate.of(2026, 1, 1), null)), "the weights are published"), as("admin"));
            platform.awaitReadModels(Duration.ofSeconds(60));

            MongoCollection<Document> modelPages = platform.readStore().database().getCollection(ReadModels.MODEL_PAGES);
            Object revision = modelPages.find(eq("_id", modelId)).first().get("revision");
            modelPages.updateOne(eq("_id", modelId), Updates.set("revision", "spoiled"));
            for (String reviewer : List.of("reviewer-a", "reviewer-b", "reviewer-c")) {
                commands.sendAndWait(new ReviewClaim(claimId, Verdict.AGREE, null), as(reviewer));
            }
            awaitErrorState(platform);
            modelPages.updateOne(eq("_id", modelId), Updates.set("revision", revision));

            platform.awaitReadModels(Duration.ofSeconds(60));
            // The history entry of the first review is written after its model page: a skipped batch loses it for good
            // (later events rewrite the pages whole, so counts alone could hide the loss).
            List<String> history = platform.readStore().database().getCollection(ReadModels.HISTORY)
                    .find(eq("claimId", claimId)).map(entry -> entry.getString("eventType")).into(new ArrayList<>());
            assertThat(history).filteredOn("ClaimReviewed"::equals).hasSize(3);
            assertThat(history).contains("ClaimProposed", "ClaimAccepted");
            Document summary = modelPages.find(eq("_id", modelId)).first().getList("claims", Document.class).get(0);
            assertThat(summary.getInteger("agreeCount")).as("the model page's copy of the claim").isEqualTo(3);
            assertThat(summary.getString("status")).isEqualTo("ACCEPTED");
        }
    }

    /** Until the read-model processor reports the failed batch (bounded: the failure is certain). */
    private static void awaitErrorState(Platform platform) throws InterruptedException {
        StreamingEventProcessor processor = platform.axon().eventProcessingConfiguration()
                .eventProcessor(ReadModelProjector.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();
        long giveUp = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (processor.processingStatus().values().stream().noneMatch(EventTrackerStatus::isErrorState)) {
            assertThat(System.nanoTime()).as("the read-model processor never failed on the spoiled page").isLessThan(giveUp);
            Thread.sleep(10);
        }
    }

    private static MetaData as(String subject) {
        return TestActors.actor(subject, "admin,reviewer", "test");
    }
}
