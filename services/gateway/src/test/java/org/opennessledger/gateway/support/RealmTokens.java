package org.opennessledger.gateway.support;

import static org.assertj.core.api.Assertions.fail;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Real tokens from the real Keycloak realm "openness" (client ledger-cli, password grant). The
 * server is named by LEDGER_TEST_KEYCLOAK_URL; without it the tests fail with instructions.
 */
public final class RealmTokens {

    public static final String ENV = "LEDGER_TEST_KEYCLOAK_URL";
    public static final String REALM = "openness";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Map<String, JsonObject> RESPONSES = new ConcurrentHashMap<>();

    private RealmTokens() {
    }

    public static String keycloakUrl() {
        String url = System.getenv(ENV);
        if (url == null || url.isBlank()) {
            fail(ENV + " is not set. These tests need the real Keycloak with realm 'openness': run "
                    + "'infra/keycloak/keycloak.sh install /tmp/kc && infra/keycloak/keycloak.sh start /tmp/kc 18180 "
                    + "/tmp/kc.log && infra/keycloak/keycloak.sh wait 18180', then export "
                    + ENV + "=http://127.0.0.1:18180");
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** An access token of {@code user} (password {@code <user>-pass}); cached for the test run. */
    public static String accessToken(String user) {
        return grant(user, "profile").getString("access_token");
    }

    /** An OpenID Connect ID token of {@code user}: signed by the realm, but not an access token for the API. */
    public static String idToken(String user) {
        return grant(user, "openid").getString("id_token");
    }

    /** The token's claims, decoded without any check (the tests compare what the gateway saw). */
    public static JsonObject claims(String token) {
        String payload = token.split("\\.")[1];
        return new JsonObject(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    }

    private static JsonObject grant(String user, String scope) {
        // Access tokens live 5 minutes: fetch a fresh one when the cached one is about to expire.
        RESPONSES.computeIfPresent(user + " " + scope, (key, cached) ->
                claims(cached.getString("access_token")).getLong("exp") * 1000 - System.currentTimeMillis() < 60_000
                        ? null : cached);
        return RESPONSES.computeIfAbsent(user + " " + scope, key -> {
            String form = "grant_type=password&client_id=ledger-cli&username=" + encode(user)
                    + "&password=" + encode(user + "-pass") + "&scope=" + encode(scope);
            HttpRequest request = HttpRequest.newBuilder(URI.create(keycloakUrl() + "/realms/" + REALM
                            + "/protocol/openid-connect/token"))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form))
                    .build();
            try {
                HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    fail("Keycloak refused a token for " + user + ": " + response.statusCode() + " " + response.body());
                }
                return new JsonObject(response.body());
            } catch (IOException e) {
                return fail("Keycloak at " + keycloakUrl() + " (" + ENV + ") is not reachable: " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return fail("interrupted while asking Keycloak for a token");
            }
        });
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
