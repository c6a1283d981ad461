package org.opennessledger.platform.processing;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Read-your-writes: completes once every read-model processor has handled all events that were
 * in the store when it was called. A write calls it after its command completed, so the following
 * read sees the write. After {@code timeout} it fails with a {@link TimeoutException}: the write is
 * stored, but a read now would not show it (the gateway then answers 202 instead of a stale view).
 */
public final class ReadModelCatchUp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReadModelCatchUp.class);
    private static final long POLL_MILLIS = 5;

    private final EventStore eventStore;
    private final Supplier<List<StreamingEventProcessor>> processors;
    private final Duration timeout;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "read-model-catch-up");
        thread.setDaemon(true);
        return thread;
    });

    public ReadModelCatchUp(EventStore eventStore, Supplier<List<StreamingEventProcessor>> processors, Duration timeout) {
        this.eventStore = eventStore;
        this.processors = processors;
        this.timeout = timeout;
    }

    public CompletableFuture<Void> awaitCaughtUp() {
        TrackingToken head = eventStore.createHeadToken();
        long target = head == null ? -1 : head.position().orElse(-1);
        CompletableFuture<Void> done = new CompletableFuture<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        poll(target, deadline, done);
        return done;
    }

    private void poll(long target, long deadline, CompletableFuture<Void> done) {
        if (target < 0 || allReached(target)) {
            done.complete(null);
        } else if (System.nanoTime() > deadline) {
            LOG.warn("read models did not reach event position {} within {}", target, timeout);
            done.completeExceptionally(new TimeoutException(
                    "read models did not reach event position " + target + " within " + timeout));
        } else {
            poller.schedule(() -> poll(target, deadline, done), POLL_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private boolean allReached(long target) {
        for (StreamingEventProcessor processor : processors.get()) {
            var statuses = processor.processingStatus();
            if (statuses.isEmpty()) {
                return false;
            }
            for (var status : statuses.values()) {
                if (handledPosition(status.getTrackingToken()) < target) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The global index up to which a processor has handled events. Not {@code getCurrentPosition()}:
     * for a replay that has not handled anything yet that reports 0 instead of "nothing".
     */
    private static long handledPosition(TrackingToken token) {
        TrackingToken handled = token == null ? null : WrappedToken.unwrapLowerBound(token);
        return handled == null ? -1 : handled.position().orElse(-1);
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }
}
