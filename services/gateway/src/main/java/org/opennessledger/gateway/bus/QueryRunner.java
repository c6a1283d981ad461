package org.opennessledger.gateway.bus;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.opennessledger.gateway.ProjectionBarrier;
import org.opennessledger.interop.bundle.LedgerReader;

/**
 * Asks the read side. Like commands, local query handlers run on the calling thread (and read
 * MongoDB), so queries are dispatched from a worker.
 */
public final class QueryRunner {

    /**
     * Safety net: how long a write waits for the barrier before answering 202 instead. Longer than
     * the platform's own catch-up limit (ADR 0005: 10 s), so that the platform's policy decides.
     */
    public static final long BARRIER_TIMEOUT_MS = 15_000;

    private final Vertx vertx;
    private final QueryGateway queryGateway;
    private final ProjectionBarrier barrier;

    public QueryRunner(Vertx vertx, QueryGateway queryGateway, ProjectionBarrier barrier) {
        this.vertx = vertx;
        this.queryGateway = queryGateway;
        this.barrier = barrier;
    }

    public <R> Future<R> one(Object query, Class<R> type) {
        return run(query, ResponseTypes.instanceOf(type));
    }

    public <R> Future<Optional<R>> optional(Object query, Class<R> type) {
        return run(query, ResponseTypes.optionalInstanceOf(type)).map(result -> result == null ? Optional.empty() : result);
    }

    public <R> Future<List<R>> list(Object query, Class<R> type) {
        return run(query, ResponseTypes.multipleInstancesOf(type)).map(result -> result == null ? List.of() : result);
    }

    /** The public read models, one blocking query at a time: only for worker threads. */
    public LedgerReader blockingReader() {
        return new QueryGatewayReader(queryGateway);
    }

    /** Completes when the read models have caught up with every event stored so far. */
    public Future<Void> caughtUp() {
        Context context = vertx.getOrCreateContext();
        return vertx.<CompletableFuture<Void>>executeBlocking(barrier::awaitCaughtUp, false)
                .compose(waiting -> Future.fromCompletionStage(waiting, context))
                .timeout(BARRIER_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    }

    private <R> Future<R> run(Object query, ResponseType<R> type) {
        Context context = vertx.getOrCreateContext();
        return vertx.<CompletableFuture<R>>executeBlocking(() -> queryGateway.query(query, type), false)
                .compose(answer -> Future.fromCompletionStage(answer, context));
    }
}
