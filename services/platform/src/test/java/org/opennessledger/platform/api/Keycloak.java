package org.opennessledger.platform.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.opennessledger.platform.TestEnvironment;

/** Access tokens from the real test Keycloak, through the public {@code ledger-cli} client's password grant. */
final class Keycloak {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Tokens live 300 s in the dev realm; reuse one for at most a minute. */
    private static final Map<String, CachedToken> TOKENS = new ConcurrentHashMap<>();

    private record CachedToken(String value, long fetchedAtNanos) {
        boolean fresh() {
            return System.nanoTime() - fetchedAtNanos < 60_000_000_000L;
        }
    }

    private Keycloak() {
    }

    /** A fresh-enough access token for a dev user ({@code <user>-pass} is the dev password). */
    static String token(String user) {
        return TOKENS.compute(user, (u, cached) -> cached != null && cached.fresh() ? cached
                : new CachedToken(passwordGrant(u, u + "-pass").get("access_token").asText(), System.nanoTime())).value();
    }

    static String subject(String user) {
        String payload = token(user).split("\\.")[1];
        try {
            return JSON.readTree(java.util.Base64.getUrlDecoder().decode(payload)).get("sub").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode passwordGrant(String user, String password) {
        String form = "grant_type=password&client_id=ledger-cli&scope=openid"
                + "&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(TestEnvironment.keycloakUrl()
                        + "/realms/openness/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused a token for " + user + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach Keycloak at " + TestEnvironment.keycloakUrl(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
