package org.opennessledger.gateway.api;

import io.vertx.ext.web.RoutingContext;
import org.opennessledger.contracts.values.Actor;
import org.opennessledger.contracts.values.Role;
import org.opennessledger.gateway.auth.BearerAuthHandler;
import org.opennessledger.gateway.http.ApiException;
import org.opennessledger.gateway.http.ProblemType;

/** Role checks the gateway makes before a command (the domain makes them again). */
final class RoleChecks {

    private RoleChecks() {
    }

    /** Whether the caller is a moderator (false for anonymous callers of public operations). */
    static boolean isModerator(RoutingContext ctx) {
        return BearerAuthHandler.optionalActor(ctx).map(actor -> actor.has(Role.MODERATOR)).orElse(false);
    }

    static void requireModerator(RoutingContext ctx, String action) {
        require(ctx, Role.MODERATOR, action);
    }

    static void requireAdmin(RoutingContext ctx, String action) {
        require(ctx, Role.ADMIN, action);
    }

    /** Reviewers and admins: those who may add documents (the domain checks the same when the command arrives). */
    static void requireReviewerOrAdmin(RoutingContext ctx, String action) {
        Actor actor = BearerAuthHandler.actor(ctx);
        if (!actor.has(Role.REVIEWER) && !actor.has(Role.ADMIN)) {
            throw new ApiException(ProblemType.FORBIDDEN, action + " needs the role '" + Role.REVIEWER.id()
                    + "' or '" + Role.ADMIN.id() + "'.");
        }
    }

    private static void require(RoutingContext ctx, Role role, String action) {
        if (!BearerAuthHandler.actor(ctx).has(role)) {
            throw new ApiException(ProblemType.FORBIDDEN, action + " needs the role '" + role.id() + "'.");
        }
    }
}
