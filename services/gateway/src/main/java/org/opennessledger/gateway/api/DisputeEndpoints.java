package org.opennessledger.gateway.api;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.opennessledger.contracts.disputes.AppealDispute;
import org.opennessledger.contracts.disputes.DisputeClaim;
import org.opennessledger.contracts.disputes.DisputeDecision;
import org.opennessledger.contracts.disputes.ResolveDispute;
import org.opennessledger.contracts.disputes.TakeDispute;
import org.opennessledger.contracts.queries.Queries.GetClaim;
import org.opennessledger.contracts.queries.Queries.GetDispute;
import org.opennessledger.contracts.queries.Queries.GetModerationQueue;
import org.opennessledger.contracts.queries.Queries.ListClaimDisputes;
import org.opennessledger.contracts.views.ClaimView;
import org.opennessledger.contracts.views.DisputeView;
import org.opennessledger.contracts.views.ModerationQueueItemView;
import org.opennessledger.gateway.bus.QueryRunner;
import org.opennessledger.gateway.http.ApiException;
import org.opennessledger.gateway.http.JsonBodies;

/**
 * Disputes and the moderation queue. Moderator-only actions are refused here first, clearly; the
 * domain enforces every rule again (roles, involvement, ownership, the appeal window).
 */
final class DisputeEndpoints {

    private final QueryRunner queries;
    private final WriteFlow writes;
    private final EvidenceResolver evidence;

    DisputeEndpoints(QueryRunner queries, WriteFlow writes) {
        this.queries = queries;
        this.writes = writes;
        this.evidence = new EvidenceResolver(queries);
    }

    void register(Map<String, Handler<RoutingContext>> handlers) {
        handlers.put("listClaimDisputes", this::listClaimDisputes);
        handlers.put("disputeClaim", this::disputeClaim);
        handlers.put("getDispute", this::getDispute);
        handlers.put("takeDispute", this::takeDispute);
        handlers.put("resolveDispute", this::resolveDispute);
        handlers.put("appealDispute", this::appealDispute);
        handlers.put("getModerationQueue", this::getModerationQueue);
    }

    private void listClaimDisputes(RoutingContext ctx) {
        String claimId = ctx.pathParam("claimId");
        queries.optional(new GetClaim(claimId), ClaimView.class)
                .map(claim -> claim.orElseThrow(() -> ClaimEndpoints.noClaim(claimId)))
                .compose(claim -> queries.list(new ListClaimDisputes(claimId), DisputeView.class))
                .onSuccess(disputes -> JsonBodies.respond(ctx, 200, disputes))
                .onFailure(ctx::fail);
    }

    private void getDispute(RoutingContext ctx) {
        String disputeId = ctx.pathParam("disputeId");
        dispute(disputeId)
                .onSuccess(dispute -> JsonBodies.respond(ctx, 200, dispute))
                .onFailure(ctx::fail);
    }

    private void disputeClaim(RoutingContext ctx) {
        String claimId = ctx.pathParam("claimId");
        ApiRequests.OpenDispute body = JsonBodies.read(ctx, ApiRequests.OpenDispute.class);
        String disputeId = UUID.randomUUID().toString();
        // The dispute's reason is in its event; the metadata reason stays a short label.
        evidence.resolve(body.evidence())
                .compose(resolved -> writes.send(ctx, new DisputeClaim(claimId, disputeId, body.reason(), resolved),
                        "Disputed claim " + claimId))
                .onSuccess(done -> writes.answer(ctx, 201, "/api/disputes/" + disputeId,
                        () -> queries.optional(new GetDispute(disputeId), DisputeView.class)))
                .onFailure(ctx::fail);
    }

    private void takeDispute(RoutingContext ctx) {
        RoleChecks.requireModerator(ctx, "Taking a dispute");
        String disputeId = ctx.pathParam("disputeId");
        // The body is optional: a bare POST takes a dispute nobody owns.
        ApiRequests.TakeDispute body = ctx.body().isEmpty()
                ? new ApiRequests.TakeDispute(false, null) : JsonBodies.read(ctx, ApiRequests.TakeDispute.class);
        boolean takeOver = Boolean.TRUE.equals(body.takeOver());
        writes.send(ctx, new TakeDispute(disputeId, takeOver), ApiRequests.reasonOr(body.reason(),
                        (takeOver ? "Took over dispute " : "Took dispute ") + disputeId))
                .onSuccess(done -> answerWithDispute(ctx, disputeId))
                .onFailure(ctx::fail);
    }

    private void resolveDispute(RoutingContext ctx) {
        RoleChecks.requireModerator(ctx, "Deciding a dispute");
        String disputeId = ctx.pathParam("disputeId");
        ApiRequests.ResolveDispute body = JsonBodies.read(ctx, ApiRequests.ResolveDispute.class);
        DisputeDecision decision = DisputeDecision.fromId(body.decision())
                .orElseThrow(() -> ApiException.invalid("/decision", "is not one of uphold, overturn"));
        writes.send(ctx, new ResolveDispute(disputeId, decision, body.rationale()), ApiRequests.reasonOr(body.reason(),
                        "Decided dispute " + disputeId + ": " + decision.id()))
                .onSuccess(done -> answerWithDispute(ctx, disputeId))
                .onFailure(ctx::fail);
    }

    private void appealDispute(RoutingContext ctx) {
        String disputeId = ctx.pathParam("disputeId");
        ApiRequests.AppealDispute body = JsonBodies.read(ctx, ApiRequests.AppealDispute.class);
        writes.send(ctx, new AppealDispute(disputeId, body.reason()),
                        "Appealed dispute " + disputeId)
                .onSuccess(done -> answerWithDispute(ctx, disputeId))
                .onFailure(ctx::fail);
    }

    private void getModerationQueue(RoutingContext ctx) {
        RoleChecks.requireModerator(ctx, "Reading the moderation queue");
        // The API spells states in lower case like its other enums; the query names DisputeState values.
        String state = ctx.queryParams().get("state");
        queries.list(new GetModerationQueue(state == null ? null : state.toUpperCase(Locale.ROOT)),
                        ModerationQueueItemView.class)
                .onSuccess(items -> JsonBodies.respond(ctx, 200, items))
                .onFailure(ctx::fail);
    }

    private void answerWithDispute(RoutingContext ctx, String disputeId) {
        writes.answer(ctx, 200, "/api/disputes/" + disputeId,
                () -> queries.optional(new GetDispute(disputeId), DisputeView.class));
    }

    private Future<DisputeView> dispute(String disputeId) {
        return queries.optional(new GetDispute(disputeId), DisputeView.class)
                .map(found -> found.orElseThrow(() -> ApiException.notFound(
                        "There is no dispute with id '" + disputeId + "'.")));
    }
}
