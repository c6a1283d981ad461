package org.opennessledger.gateway.api;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import org.opennessledger.contracts.queries.Queries.GetAuditHead;
import org.opennessledger.contracts.queries.Queries.VerifyAuditLog;
import org.opennessledger.contracts.views.AuditHeadView;
import org.opennessledger.contracts.views.AuditVerificationView;
import org.opennessledger.gateway.ReadModelRebuild;
import org.opennessledger.gateway.bus.QueryRunner;
import org.opennessledger.gateway.http.ApiException;
import org.opennessledger.gateway.http.JsonBodies;
import org.opennessledger.gateway.http.ProblemType;

/**
 * The event log's tamper evidence (its hash chain's head for anyone to record, a full verification
 * for admins: it reads every stored event), and the read models' rebuild from that log (admins).
 */
final class AuditEndpoints {

    private final QueryRunner queries;
    private final ReadModelRebuild rebuild;

    AuditEndpoints(QueryRunner queries, ReadModelRebuild rebuild) {
        this.queries = queries;
        this.rebuild = rebuild;
    }

    void register(Map<String, Handler<RoutingContext>> handlers) {
        handlers.put("getAuditHead", ctx -> queries.one(new GetAuditHead(), AuditHeadView.class)
                .onSuccess(head -> {
                    // a head is a snapshot of a moving log: never cache it
                    ctx.response().putHeader("Cache-Control", "no-store");
                    JsonBodies.respond(ctx, 200, head);
                })
                .onFailure(ctx::fail));
        handlers.put("verifyAuditLog", ctx -> {
            RoleChecks.requireAdmin(ctx, "Verifying the whole event log");
            String expected = ctx.queryParams().get("expectedLink");
            queries.one(new VerifyAuditLog(expected == null ? null : expected.toLowerCase(java.util.Locale.ROOT)),
                            AuditVerificationView.class)
                    .onSuccess(result -> JsonBodies.respond(ctx, 200, result))
                    .onFailure(ctx::fail);
        });
        handlers.put("rebuildReadModels", ctx -> {
            RoleChecks.requireAdmin(ctx, "Rebuilding the read models");
            ApiRequests.Reason body = JsonBodies.read(ctx, ApiRequests.Reason.class);
            if (rebuild == null) {
                throw new ApiException(ProblemType.UNAVAILABLE, "This node does not own the read models.");
            }
            Future.fromCompletionStage(rebuild.rebuild(body.reason().strip()), ctx.vertx().getOrCreateContext())
                    .onSuccess(report -> JsonBodies.respond(ctx, 200, report))
                    .onFailure(ctx::fail);
        });
    }
}
