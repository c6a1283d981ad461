package org.opennessledger.gateway;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import org.opennessledger.gateway.limits.WriteLimits;

/**
 * Where the gateway listens and whom it trusts for tokens.
 *
 * @param host        interface to bind, e.g. 127.0.0.1
 * @param port        TCP port; 0 picks a free one (see {@link GatewayVerticle#actualPort()})
 * @param keycloakUrl base URL of Keycloak, e.g. http://127.0.0.1:18180 (no trailing slash needed)
 * @param realm       the realm whose tokens are accepted, e.g. "openness"
 * @param audience    the audience an access token must carry, "ledger-api"
 * @param webRoot     directory of the built web UI, or null for the built-in placeholder page
 * @param writeLimits writes per minute per person and per client address
 * @param documentFetch whether {@code POST /api/documents/fetch} reads documents from their URL (off by default:
 *                      it makes the server connect to addresses users name, see ADR 0019)
 */
public record GatewaySettings(String host, int port, String keycloakUrl, String realm, String audience,
                              Path webRoot, WriteLimits writeLimits, boolean documentFetch) {

    /** With the default write limits, without fetching documents. */
    public GatewaySettings(String host, int port, String keycloakUrl, String realm, String audience, Path webRoot) {
        this(host, port, keycloakUrl, realm, audience, webRoot, WriteLimits.DEFAULT, false);
    }

    public static final String DEFAULT_AUDIENCE = "ledger-api";
    public static final String DEFAULT_REALM = "openness";

    public GatewaySettings {
        requireText(host, "host");
        requireText(keycloakUrl, "keycloakUrl");
        requireText(realm, "realm");
        requireText(audience, "audience");
        Objects.requireNonNull(writeLimits, "writeLimits are required");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0-65535, got " + port);
        }
        while (keycloakUrl.endsWith("/")) {
            keycloakUrl = keycloakUrl.substring(0, keycloakUrl.length() - 1);
        }
        URI uri = URI.create(keycloakUrl);
        if (uri.getScheme() == null || uri.getHost() == null
                || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
            throw new IllegalArgumentException("keycloakUrl must be an absolute http(s) URL, got " + keycloakUrl);
        }
        if (!realm.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("realm has characters that do not belong in a URL path: " + realm);
        }
    }

    public GatewaySettings withDocumentFetch(boolean on) {
        return new GatewaySettings(host, port, keycloakUrl, realm, audience, webRoot, writeLimits, on);
    }

    /** The {@code iss} every accepted token carries. */
    public String issuer() {
        return keycloakUrl + "/realms/" + realm;
    }

    public String jwksUrl() {
        return issuer() + "/protocol/openid-connect/certs";
    }

    public String discoveryUrl() {
        return issuer() + "/.well-known/openid-configuration";
    }

    /** scheme://host[:port] of Keycloak, for the web UI's Content-Security-Policy. */
    public String keycloakOrigin() {
        URI uri = URI.create(keycloakUrl);
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name + " is required");
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " is blank");
        }
    }
}
