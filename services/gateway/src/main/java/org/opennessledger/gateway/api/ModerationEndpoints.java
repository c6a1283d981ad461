package org.opennessledger.gateway.api;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.opennessledger.contracts.moderation.DismissFlags;
import org.opennessledger.contracts.moderation.FlagContent;
import org.opennessledger.contracts.moderation.FlagReason;
import org.opennessledger.contracts.moderation.HideContent;
import org.opennessledger.contracts.moderation.UnhideContent;
import org.opennessledger.contracts.queries.Queries.GetClaim;
import org.opennessledger.contracts.queries.Queries.ListClaimFlags;
import org.opennessledger.contracts.views.ClaimView;
import org.opennessledger.contracts.views.FlaggedItemView;
import org.opennessledger.gateway.bus.QueryRunner;
import org.opennessledger.gateway.http.ApiException;
import org.opennessledger.gateway.http.JsonBodies;

/** Flags (anyone logged in) and hiding, unhiding and dismissing flags (moderators). */
final class ModerationEndpoints {

    /** The three moderator commands share one shape: claim, argument (null for the claim), reason. */
    @FunctionalInterface
    private interface ModeratorCommand {
        Object of(String claimId, String argumentId, String reason);
    }

    private final QueryRunner queries;
    private final WriteFlow writes;
    private final DebateEndpoints debates;

    ModerationEndpoints(QueryRunner queries, WriteFlow writes, DebateEndpoints debates) {
        this.queries = queries;
        this.writes = writes;
        this.debates = debates;
    }

    void register(Map<String, Handler<RoutingContext>> handlers) {
        handlers.put("flagContent", this::flagContent);
        handlers.put("listClaimFlags", this::listClaimFlags);
        handlers.put("hideClaim", ctx -> moderate(ctx, false, HideContent::new, "Hid"));
        handlers.put("unhideClaim", ctx -> moderate(ctx, false, UnhideContent::new, "Unhid"));
        handlers.put("dismissFlagsOnClaim", ctx -> moderate(ctx, false, DismissFlags::new, "Dismissed the flags on"));
        handlers.put("hideArgument", ctx -> moderate(ctx, true, HideContent::new, "Hid"));
        handlers.put("unhideArgument", ctx -> moderate(ctx, true, UnhideContent::new, "Unhid"));
        handlers.put("dismissFlagsOnArgument", ctx -> moderate(ctx, true, DismissFlags::new, "Dismissed the flags on"));
    }

    private void flagContent(RoutingContext ctx) {
        ApiRequests.Flag body = JsonBodies.read(ctx, ApiRequests.Flag.class);
        FlagReason reason = FlagReason.fromId(body.reason()).orElseThrow(() -> ApiException.invalid("/reason",
                "is not one of spam, abuse, off-topic, misleading, personal-data, other"));
        String flagId = UUID.randomUUID().toString();
        String argumentId = ApiRequests.blankToNull(body.argumentId());
        Map<String, Object> flag = new LinkedHashMap<>();
        flag.put("flagId", flagId);
        flag.put("claimId", body.claimId());
        flag.put("argumentId", argumentId);
        flag.put("reason", reason.id());
        // The flag's text is for moderators; the metadata reason stays a label.
        writes.send(ctx, new FlagContent(body.claimId(), argumentId, flagId, reason, body.text()),
                        "Flagged " + (argumentId == null ? "claim " + body.claimId() : "argument " + argumentId))
                .onSuccess(done -> writes.answer(ctx, 201, null, () -> Future.succeededFuture(Optional.of(flag))))
                .onFailure(ctx::fail);
    }

    private void listClaimFlags(RoutingContext ctx) {
        RoleChecks.requireModerator(ctx, "Reading flags");
        queries.list(new ListClaimFlags(ctx.pathParam("claimId")), FlaggedItemView.class)
                .onSuccess(items -> JsonBodies.respond(ctx, 200, items))
                .onFailure(ctx::fail);
    }

    private void moderate(RoutingContext ctx, boolean onArgument, ModeratorCommand command, String done) {
        String claimId = ctx.pathParam("claimId");
        String argumentId = onArgument ? ctx.pathParam("argumentId") : null;
        String what = onArgument ? "argument " + argumentId + " of claim " + claimId : "claim " + claimId;
        RoleChecks.requireModerator(ctx, "Moderating " + what);
        ApiRequests.Reason body = JsonBodies.read(ctx, ApiRequests.Reason.class);
        String location = "/api/claims/" + claimId + (onArgument ? "/arguments/" + argumentId : "");
        writes.send(ctx, command.of(claimId, argumentId, body.reason().strip()), done + " " + what)
                .onSuccess(sent -> writes.answer(ctx, 200, location, () -> onArgument
                        ? debates.argument(claimId, argumentId, true)
                        : queries.optional(new GetClaim(claimId, true), ClaimView.class)))
                .onFailure(ctx::fail);
    }
}
