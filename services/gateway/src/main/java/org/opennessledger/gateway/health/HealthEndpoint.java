package org.opennessledger.gateway.health;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.healthchecks.CheckResult;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.healthchecks.Status;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.opennessledger.gateway.HealthProbe;
import org.opennessledger.gateway.http.JsonBodies;

/**
 * {@code GET /health}: 200 when every probe is up, else 503 naming the checks that are down and why.
 * A probe that fails or does not answer in {@link #PROBE_TIMEOUT_MS} counts as down (never as a 500).
 */
public final class HealthEndpoint implements Handler<RoutingContext> {

    static final long PROBE_TIMEOUT_MS = 3_000;

    private final HealthChecks checks;

    public HealthEndpoint(Vertx vertx, List<HealthProbe> probes) {
        this.checks = HealthChecks.create(vertx);
        for (HealthProbe probe : probes) {
            checks.register(probe.name(), PROBE_TIMEOUT_MS * 2, promise -> run(vertx, probe)
                    .onSuccess(up -> promise.complete(up ? Status.OK()
                            : Status.KO(new JsonObject().put("reason", "reported not ready"))))
                    .onFailure(error -> promise.complete(Status.KO(new JsonObject().put("reason", reason(error))))));
        }
    }

    @Override
    public void handle(RoutingContext ctx) {
        checks.checkStatus().onComplete(result -> {
            if (result.failed()) {
                ctx.fail(result.cause());
                return;
            }
            CheckResult report = result.result();
            ctx.response().setStatusCode(CheckResult.isUp(report) ? 200 : 503)
                    .putHeader("Content-Type", JsonBodies.JSON)
                    .end(report.toJson().encode());
        });
    }

    private static Future<Boolean> run(Vertx vertx, HealthProbe probe) {
        Context context = vertx.getOrCreateContext();
        return vertx.<CompletableFuture<Boolean>>executeBlocking(() -> probe.check().get(), false)
                .compose(answer -> answer == null ? Future.succeededFuture(false)
                        : Future.fromCompletionStage(answer, context))
                .map(Boolean.TRUE::equals)
                .timeout(PROBE_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    }

    private static String reason(Throwable error) {
        if (error instanceof TimeoutException) {
            return "no answer within " + PROBE_TIMEOUT_MS + " ms";
        }
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
