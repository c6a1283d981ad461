package org.opennessledger.gateway.auth;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opennessledger.contracts.values.Actor;
import org.opennessledger.gateway.http.ApiException;
import org.opennessledger.gateway.http.ProblemType;

/**
 * Lets a request through only with a valid {@code Authorization: Bearer} access token, and keeps
 * the {@link Actor} it speaks for. Failures are 401 with an RFC 6750 challenge, or 503 while the
 * identity provider's keys cannot be had.
 */
public final class BearerAuthHandler implements Handler<RoutingContext> {

    private static final String ACTOR_KEY = "ledger.actor";
    private static final String DISPLAY_NAME_KEY = "ledger.displayName";

    private final KeycloakTokenVerifier verifier;
    private final String realm;

    private final boolean optional;

    public BearerAuthHandler(KeycloakTokenVerifier verifier, String realm) {
        this(verifier, realm, false);
    }

    private BearerAuthHandler(KeycloakTokenVerifier verifier, String realm, boolean optional) {
        this.verifier = verifier;
        this.realm = realm;
        this.optional = optional;
    }

    /**
     * For public operations that show more to some roles: a request without a token passes as
     * anonymous; a token that is sent must be valid.
     */
    public BearerAuthHandler optional() {
        return new BearerAuthHandler(verifier, realm, true);
    }

    @Override
    public void handle(RoutingContext ctx) {
        String authorization = ctx.request().getHeader("Authorization");
        if ((authorization == null || authorization.isBlank()) && optional) {
            ctx.next();
            return;
        }
        if (authorization == null || authorization.isBlank()) {
            ctx.fail(unauthorized("This action needs a bearer token: send 'Authorization: Bearer <access token>' "
                    + "with an access token of the Keycloak realm '" + realm + "'.", null));
            return;
        }
        int space = authorization.indexOf(' ');
        if (space <= 0 || !authorization.substring(0, space).equalsIgnoreCase("Bearer")) {
            ctx.fail(unauthorized("Only bearer tokens are accepted: send 'Authorization: Bearer <access token>'.",
                    "invalid_request"));
            return;
        }
        String token = authorization.substring(space + 1).trim();
        verifier.verifyIdentity(token).onComplete(result -> {
            if (result.succeeded()) {
                ctx.put(ACTOR_KEY, result.result().actor());
                ctx.put(DISPLAY_NAME_KEY, result.result().displayName());
                ctx.next();
            } else if (result.cause() instanceof InvalidTokenException invalid) {
                ctx.fail(unauthorized("The bearer token was refused: " + invalid.getMessage() + ".", "invalid_token"));
            } else if (result.cause() instanceof IdentityProviderUnavailableException unavailable) {
                ctx.fail(new ApiException(ProblemType.UNAVAILABLE, "Tokens cannot be checked right now because the "
                        + "identity provider is unreachable; try again shortly.", List.of(),
                        Map.of("Retry-After", "5"), unavailable));
            } else {
                ctx.fail(result.cause());
            }
        });
    }

    /** The actor, when the request carried a valid token (always on routes that require one). */
    public static Optional<Actor> optionalActor(RoutingContext ctx) {
        return Optional.ofNullable(ctx.get(ACTOR_KEY));
    }

    /** The display name the request's token gave, if any (kept only in the erasable profile store). */
    public static String displayName(RoutingContext ctx) {
        return ctx.get(DISPLAY_NAME_KEY);
    }

    /** The authenticated actor; only on routes behind this handler. */
    public static Actor actor(RoutingContext ctx) {
        Actor actor = ctx.get(ACTOR_KEY);
        if (actor == null) {
            throw new IllegalStateException("no authenticated actor: route " + ctx.request().path() + " lacks BearerAuthHandler");
        }
        return actor;
    }

    private ApiException unauthorized(String detail, String error) {
        String challenge = "Bearer realm=\"" + realm + "\"" + (error == null ? "" : ", error=\"" + error + "\"");
        return new ApiException(ProblemType.UNAUTHORIZED, detail, List.of(), Map.of("WWW-Authenticate", challenge), null);
    }
}
