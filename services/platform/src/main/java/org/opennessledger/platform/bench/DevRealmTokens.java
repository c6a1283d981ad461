package org.opennessledger.platform.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Access tokens of the dev realm's people, fetched before a benchmark measures anything. */
final class DevRealmTokens {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DevRealmTokens() {
    }

    /** A token for {@code user} through the public ledger-cli client; "<user>-pass" is the dev realm's password. */
    static String token(String keycloakUrl, String user) throws Exception {
        String form = "grant_type=password&client_id=ledger-cli&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(user + "-pass", StandardCharsets.UTF_8);
        HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                .send(HttpRequest.newBuilder(URI.create(keycloakUrl + "/realms/openness/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Keycloak refused a token for " + user + ": " + response.body());
        }
        return JSON.readTree(response.body()).get("access_token").asText();
    }
}
