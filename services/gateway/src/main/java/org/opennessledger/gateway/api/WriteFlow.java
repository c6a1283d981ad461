package org.opennessledger.gateway.api;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.opennessledger.contracts.profiles.RememberDisplayName;
import org.opennessledger.contracts.values.Actor;
import java.util.Optional;
import java.util.function.Supplier;
import org.opennessledger.gateway.auth.BearerAuthHandler;
import org.opennessledger.gateway.bus.CommandSender;
import org.opennessledger.gateway.bus.QueryRunner;
import org.opennessledger.gateway.http.CorrelationIdHandler;
import org.opennessledger.gateway.http.JsonBodies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A write, end to end: send the command as the authenticated actor, wait for the read models to
 * catch up, then answer with what a later read returns. Once the command succeeded the answer is
 * never an error: if the read side lags or fails, it is 202 with the location to read later.
 */
final class WriteFlow {

    private static final Logger LOG = LoggerFactory.getLogger(WriteFlow.class);

    private static final int MAX_REMEMBERED_NAMES = 10_000;

    private final CommandSender commands;
    private final QueryRunner queries;
    /** Subject → the display name last kept for it by this process (a cache, not the store). */
    private final Map<String, String> rememberedNames = new ConcurrentHashMap<>();

    WriteFlow(CommandSender commands, QueryRunner queries) {
        this.commands = commands;
        this.queries = queries;
    }

    Future<Object> send(RoutingContext ctx, Object command, String reason) {
        return send(ctx, command, reason, Map.of());
    }

    Future<Object> send(RoutingContext ctx, Object command, String reason, Map<String, ?> extraMetaData) {
        Actor actor = BearerAuthHandler.actor(ctx);
        String correlationId = CorrelationIdHandler.correlationId(ctx);
        return commands.send(command, actor, reason, correlationId, extraMetaData)
                .onSuccess(done -> rememberDisplayName(actor, BearerAuthHandler.displayName(ctx), correlationId));
    }

    /**
     * After a person's write, keeps the name their token gives in the profile store (never in the
     * log), once per name and process; a failure there never fails the write.
     */
    private void rememberDisplayName(Actor actor, String displayName, String correlationId) {
        if (displayName == null || displayName.equals(rememberedNames.get(actor.subject()))) {
            return;
        }
        commands.send(new RememberDisplayName(actor.subject(), displayName), actor, "display name from the token",
                        correlationId)
                .onSuccess(done -> {
                    if (rememberedNames.size() >= MAX_REMEMBERED_NAMES) {
                        rememberedNames.clear();
                    }
                    rememberedNames.put(actor.subject(), displayName);
                })
                .onFailure(error -> LOG.warn("could not keep the display name of {}: {}", actor.subject(), error.toString()));
    }

    /**
     * After a successful command: answer {@code status} with the view {@code read} finds once the
     * read models caught up, and {@code location} (may be null) as the Location header.
     */
    void answer(RoutingContext ctx, int status, String location, Supplier<Future<? extends Optional<?>>> read) {
        queries.caughtUp()
                .compose(caughtUp -> read.get())
                .onComplete(result -> {
                    if (result.succeeded() && result.result().isPresent()) {
                        if (location != null) {
                            ctx.response().putHeader("Location", location);
                        }
                        JsonBodies.respond(ctx, status, result.result().get());
                    } else {
                        LOG.warn("{} {} stored, but its result is not readable yet (correlation {}): {}",
                                ctx.request().method(), ctx.request().path(), CorrelationIdHandler.correlationId(ctx),
                                result.succeeded() ? "not in the read model" : result.cause().toString());
                        stored(ctx, location);
                    }
                });
    }

    private static void stored(RoutingContext ctx, String location) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "stored");
        body.put("location", location);
        body.put("detail", "The change is stored, but the read models have not caught up yet. "
                + (location != null ? "Read " + location + " shortly. " : "") + "Do not repeat the request.");
        body.put("correlationId", CorrelationIdHandler.correlationId(ctx));
        if (location != null) {
            ctx.response().putHeader("Location", location);
        }
        JsonBodies.respond(ctx, 202, body);
    }
}
