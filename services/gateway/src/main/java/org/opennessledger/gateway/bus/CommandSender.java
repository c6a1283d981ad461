package org.opennessledger.gateway.bus;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.opennessledger.contracts.values.Actor;
import org.opennessledger.contracts.values.LedgerMetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends commands on behalf of an authenticated actor. The local command bus runs handlers on the
 * dispatching thread, so dispatch happens on a worker, never on the event loop. Optimistic-locking
 * conflicts (two commands on one aggregate at once) are retried, so that concurrent reviews of one
 * claim both count. Failures come back as {@code ApiException}s where they have a meaning for clients.
 */
public final class CommandSender {

    /** Retries after the first attempt on a concurrency conflict. */
    public static final int MAX_RETRIES = 5;
    private static final long BASE_BACKOFF_MS = 10;

    private static final Logger LOG = LoggerFactory.getLogger(CommandSender.class);

    private final Vertx vertx;
    private final CommandGateway commandGateway;

    public CommandSender(Vertx vertx, CommandGateway commandGateway) {
        this.vertx = vertx;
        this.commandGateway = commandGateway;
    }

    /** Completes with the handler's result once the command's events are stored. */
    public Future<Object> send(Object command, Actor actor, String reason, String correlationId) {
        return send(command, actor, reason, correlationId, Map.of());
    }

    /** As {@link #send(Object, Actor, String, String)}, with more metadata (e.g. an import's effective date). */
    public Future<Object> send(Object command, Actor actor, String reason, String correlationId,
                               Map<String, ?> extraMetaData) {
        MetaData metaData = MetaData.with(LedgerMetaData.ACTOR_ID, actor.subject())
                .and(LedgerMetaData.ACTOR_ROLES, actor.rolesAsString())
                .and(LedgerMetaData.REASON, reason)
                .and(LedgerMetaData.CORRELATION_ID, correlationId);
        if (actor.producerOrg() != null) {
            metaData = metaData.and(LedgerMetaData.PRODUCER_ORG, actor.producerOrg());
        }
        metaData = metaData.mergedWith(extraMetaData);
        Context context = vertx.getOrCreateContext();
        Promise<Object> outcome = Promise.promise();
        attempt(command, metaData, context, 0, outcome);
        return outcome.future();
    }

    private void attempt(Object command, MetaData metaData, Context context, int retry, Promise<Object> outcome) {
        vertx.<CompletableFuture<Object>>executeBlocking(() -> commandGateway.send(command, metaData), false)
                .compose(sent -> Future.fromCompletionStage(sent, context))
                .onSuccess(outcome::complete)
                .onFailure(error -> {
                    if (CommandFailures.isConcurrencyConflict(error, command) && retry < MAX_RETRIES) {
                        // Back off a little, with jitter, so that the competing command can finish first.
                        long delay = BASE_BACKOFF_MS * (1L << retry) + ThreadLocalRandom.current().nextLong(BASE_BACKOFF_MS);
                        LOG.debug("concurrency conflict on {} (retry {} of {} in {} ms)",
                                command.getClass().getSimpleName(), retry + 1, MAX_RETRIES, delay);
                        vertx.setTimer(delay, t -> attempt(command, metaData, context, retry + 1, outcome));
                    } else {
                        outcome.fail(CommandFailures.toProblem(error, command));
                    }
                });
    }
}
