package org.opennessledger.gateway.api;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import org.opennessledger.contracts.queries.Queries.GetAuditHead;
import org.opennessledger.contracts.queries.Queries.VerifyAuditLog;
import org.opennessledger.contracts.views.AuditHeadView;
import org.opennessledger.contracts.views.AuditVerificationView;
import org.opennessledger.gateway.bus.QueryRunner;
import org.opennessledger.gateway.http.JsonBodies;

/**
 * The event log's tamper evidence: its hash chain's head for anyone to record, and a full
 * verification for admins (it reads every stored event).
 */
final class AuditEndpoints {

    private final QueryRunner queries;

    AuditEndpoints(QueryRunner queries) {
        this.queries = queries;
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
    }
}
