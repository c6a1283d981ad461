package org.opennessledger.gateway.http;

import io.vertx.ext.web.handler.PlatformHandler;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

/**
 * Headers every answer carries. API answers may not be framed or run anything; the static UI may
 * load its own files and talk to this origin and to Keycloak (login, token refresh) only.
 * No CORS headers are ever sent, so browsers let only same-origin pages read the API.
 */
public final class SecurityHeadersHandler implements PlatformHandler {

    private static final String API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

    private final String uiCsp;

    public SecurityHeadersHandler(String keycloakOrigin) {
        this.uiCsp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "font-src 'self'; connect-src 'self' " + keycloakOrigin + "; frame-src " + keycloakOrigin + "; "
                + "form-action 'self' " + keycloakOrigin + "; frame-ancestors 'none'; base-uri 'none'; "
                + "object-src 'none'";
    }

    @Override
    public void handle(RoutingContext ctx) {
        MultiMap headers = ctx.response().headers();
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("X-Frame-Options", "DENY");
        String path = ctx.request().path();
        if (isApi(path)) {
            headers.set("Content-Security-Policy", API_CSP);
            // Answers change with every write: caches must revalidate (read-your-writes).
            headers.set("Cache-Control", "no-cache");
        } else {
            headers.set("Content-Security-Policy", uiCsp);
        }
        ctx.next();
    }

    static boolean isApi(String path) {
        return path == null || path.equals("/api") || path.startsWith("/api/") || path.equals("/health");
    }
}
