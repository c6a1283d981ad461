package org.opennessledger.gateway;

import java.util.concurrent.CompletableFuture;

/**
 * Read-your-writes: completes once the read models have processed every event stored so far.
 * The gateway calls it after a command completed and before it runs the query that produces the
 * response, so a client never reads a state older than its own write. The platform implements it
 * by capturing the event store's head and waiting until the tracking processors reach it.
 */
@FunctionalInterface
public interface ProjectionBarrier {

    CompletableFuture<Void> awaitCaughtUp();

    /** For set-ups without read models behind the buses (nothing to wait for). */
    static ProjectionBarrier none() {
        return () -> CompletableFuture.completedFuture(null);
    }
}
