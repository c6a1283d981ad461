package org.opennessledger.gateway.api;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import org.opennessledger.contracts.profiles.EraseProfile;
import org.opennessledger.contracts.queries.Queries.GetProfile;
import org.opennessledger.contracts.views.ProfileView;
import org.opennessledger.gateway.bus.QueryRunner;
import org.opennessledger.gateway.http.ApiException;
import org.opennessledger.gateway.http.JsonBodies;

/** Display names beside subject ids, and their erasure on request (docs/personal-data.md). */
final class ProfileEndpoints {

    private final QueryRunner queries;
    private final WriteFlow writes;

    ProfileEndpoints(QueryRunner queries, WriteFlow writes) {
        this.queries = queries;
        this.writes = writes;
    }

    void register(Map<String, Handler<RoutingContext>> handlers) {
        handlers.put("getProfile", ctx -> {
            String subject = ctx.pathParam("subjectId");
            queries.optional(new GetProfile(subject), ProfileView.class)
                    .map(profile -> profile.orElseThrow(() -> noProfile(subject)))
                    .onSuccess(profile -> JsonBodies.respond(ctx, 200, profile))
                    .onFailure(ctx::fail);
        });
        handlers.put("eraseProfile", ctx -> {
            RoleChecks.requireAdmin(ctx, "Erasing a profile");
            String subject = ctx.pathParam("subjectId");
            ApiRequests.Reason body = JsonBodies.read(ctx, ApiRequests.Reason.class);
            writes.send(ctx, new EraseProfile(subject, body.reason().strip()), "erased the display name of " + subject)
                    .compose(done -> queries.optional(new GetProfile(subject), ProfileView.class))
                    .map(profile -> profile.orElseThrow(() -> noProfile(subject)))
                    .onSuccess(profile -> JsonBodies.respond(ctx, 200, profile))
                    .onFailure(ctx::fail);
        });
    }

    private static ApiException noProfile(String subject) {
        return ApiException.notFound("No display name is kept for subject '" + subject + "'.");
    }
}
