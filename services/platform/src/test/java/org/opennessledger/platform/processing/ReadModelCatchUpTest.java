package org.opennessledger.platform.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The read-your-writes wait: done once processors pass the head, a timeout error while one is stuck. */
class ReadModelCatchUpTest {

    /** A projection that can be held mid-event, like one blocked on a slow database. */
    @ProcessingGroup("slow")
    static class HoldableProjection {
        final CountDownLatch release = new CountDownLatch(1);

        @EventHandler
        void on(String event) throws InterruptedException {
            if (event.startsWith("hold")) {
                release.await(30, TimeUnit.SECONDS);
            }
        }
    }

    private final HoldableProjection projection = new HoldableProjection();
    private Configuration axon;

    private ReadModelCatchUp start(Duration timeout) {
        axon = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .eventProcessing(p -> p.usingTrackingEventProcessors().registerEventHandler(c -> projection))
                .buildConfiguration();
        axon.start();
        return new ReadModelCatchUp(axon.eventStore(), () -> List.of(axon.eventProcessingConfiguration()
                .eventProcessor("slow", StreamingEventProcessor.class).orElseThrow()), timeout);
    }

    @AfterEach
    void stop() {
        projection.release.countDown();
        axon.shutdown();
    }

    @Test
    void completesOnceTheProcessorHasHandledEverythingStoredBeforeTheCall() throws Exception {
        ReadModelCatchUp catchUp = start(Duration.ofSeconds(10));
        axon.eventStore().publish(GenericEventMessage.asEventMessage("first"), GenericEventMessage.asEventMessage("second"));

        catchUp.awaitCaughtUp().get(10, TimeUnit.SECONDS);

        long head = axon.eventStore().createHeadToken().position().orElseThrow();
        var status = axon.eventProcessingConfiguration().eventProcessor("slow", StreamingEventProcessor.class)
                .orElseThrow().processingStatus().values().iterator().next();
        assertThat(status.getCurrentPosition().orElseThrow()).isGreaterThanOrEqualTo(head);
    }

    @Test
    void theReadModelsPositionStaysBeforeAnEventAProcessorIsStillHandlingAndReachesTheHeadAfterIt() throws Exception {
        ReadModelCatchUp catchUp = start(Duration.ofSeconds(10));
        axon.eventStore().publish(GenericEventMessage.asEventMessage("first"));
        catchUp.awaitCaughtUp().get(10, TimeUnit.SECONDS);
        long first = axon.eventStore().createHeadToken().position().orElseThrow();
        assertThat(catchUp.readModelsPosition()).isEqualTo(first);

        axon.eventStore().publish(GenericEventMessage.asEventMessage("hold me"));
        long held = axon.eventStore().createHeadToken().position().orElseThrow();
        Thread.sleep(200); // the processor has picked the event up and is held inside it
        assertThat(catchUp.readModelsPosition()).isEqualTo(first);

        projection.release.countDown();
        catchUp.awaitCaughtUp().get(10, TimeUnit.SECONDS);
        assertThat(catchUp.readModelsPosition()).isEqualTo(held);
        catchUp.close();
    }

    @Test
    void failsWithATimeoutWhileAProcessorIsStuckAndSucceedsAfterItMovesOn() throws Exception {
        ReadModelCatchUp catchUp = start(Duration.ofMillis(300));
        axon.eventStore().publish(GenericEventMessage.asEventMessage("hold me"));

        assertThatThrownBy(() -> catchUp.awaitCaughtUp().get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(TimeoutException.class);

        projection.release.countDown();
        ReadModelCatchUp patient = new ReadModelCatchUp(axon.eventStore(), () -> List.of(axon.eventProcessingConfiguration()
                .eventProcessor("slow", StreamingEventProcessor.class).orElseThrow()), Duration.ofSeconds(10));
        patient.awaitCaughtUp().get(10, TimeUnit.SECONDS);
        patient.close();
        catchUp.close();
    }
}
