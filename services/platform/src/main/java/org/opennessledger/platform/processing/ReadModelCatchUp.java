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
 * <p>
 * A write can cause more writes: the claims processes (supersession, disputes) answer events with
 * commands. So it first waits for those processes to reach the head, then for the head they leave
 * behind, a few rounds at most (a cascade is short: accepted → recorded → superseded), and only
 * then for the read models. A reader then sees the older claim superseded, or the claim a dispute
 * decision flipped, in the answer to the write that caused it.
 */
public final class ReadModelCatchUp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReadModelCatchUp.class);
    private static final long POLL_MILLIS = 5;
    /** Rounds of process cascades to follow; beyond that, other writers are probably moving the head. */
    private static final int MAX_CASCADE_ROUNDS = 4;

    private final EventStore eventStore;
    private final Supplier<List<StreamingEventProcessor>> processes;
    private final Supplier<List<StreamingEventProcessor>> readModels;
    private final Duration timeout;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "read-model-catch-up");
        thread.setDaemon(true);
        return thread;
    });

    public ReadModelCatchUp(EventStore eventStore, Supplier<List<StreamingEventProcessor>> readModels, Duration timeout) {
        this(eventStore, List::of, readModels, timeout);
    }

    /**
     * @param processes  processors that send commands in reaction to events (their effects are awaited first)
     * @param readModels processors that build what readers see
     */
    public ReadModelCatchUp(EventStore eventStore, Supplier<List<StreamingEventProcessor>> processes,
                            Supplier<List<StreamingEventProcessor>> readModels, Duration timeout) {
        this.eventStore = eventStore;
        this.processes = processes;
        this.readModels = readModels;
        this.timeout = timeout;
    }

    public CompletableFuture<Void> awaitCaughtUp() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        followCascade(eventStoreHead(), 1, deadline, done);
        return done;
    }

    /** The event store's head: the position of the newest stored event (-1 when empty). */
    public long eventStoreHead() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }

    private void followCascade(long target, int round, long deadline, CompletableFuture<Void> done) {
        CompletableFuture<Void> processed = new CompletableFuture<>();
        poll(processes, target, deadline, processed);
        processed.whenComplete((ignored, failure) -> {
            if (failure != null) {
                done.completeExceptionally(failure);
                return;
            }
            long after = eventStoreHead();
            if (after > target && round < MAX_CASCADE_ROUNDS) {
                followCascade(after, round + 1, deadline, done);
            } else {
                poll(readModels, after, deadline, done);
            }
        });
    }

    private void poll(Supplier<List<StreamingEventProcessor>> group, long target, long deadline,
                      CompletableFuture<Void> done) {
        if (target < 0 || allReached(group.get(), target)) {
            done.complete(null);
        } else if (System.nanoTime() > deadline) {
            LOG.warn("event processors did not reach event position {} within {}", target, timeout);
            done.completeExceptionally(new TimeoutException(
                    "read models did not reach event position " + target + " within " + timeout));
        } else {
            poller.schedule(() -> poll(group, target, deadline, done), POLL_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * The global event position up to which every read-model processor has handled the store now
     * (-1 before any has handled anything): what a reader can rely on seeing.
     */
    public long readModelsPosition() {
        long lowest = lowestHandled(readModels.get());
        return lowest == Long.MAX_VALUE ? -1 : lowest;
    }

    private static boolean allReached(List<StreamingEventProcessor> processors, long target) {
        return lowestHandled(processors) >= target;
    }

    /** The lowest position handled over every segment of the processors; -1 while one has no segment yet. */
    private static long lowestHandled(List<StreamingEventProcessor> processors) {
        long lowest = Long.MAX_VALUE;
        for (StreamingEventProcessor processor : processors) {
            var statuses = processor.processingStatus();
            if (statuses.isEmpty()) {
                return -1;
            }
            for (var status : statuses.values()) {
                lowest = Math.min(lowest, handledPosition(status.getTrackingToken()));
            }
        }
        return lowest;
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
