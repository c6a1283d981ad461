package org.opennessledger.platform.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Option;

/**
 * Where the running ledger and its Keycloak are, and whose token the command uses: an admin of the
 * realm, by default the development realm's (its password is a documented development value).
 */
final class ApiConnection {

    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    @Option(names = "--api", description = "Ledger URL (default ${DEFAULT-VALUE})",
            defaultValue = "${env:LEDGER_API_URL:-http://127.0.0.1:8080}")
    String api;

    @Option(names = "--keycloak", description = "Keycloak URL (default ${DEFAULT-VALUE})",
            defaultValue = "${env:LEDGER_KEYCLOAK_URL:-http://127.0.0.1:8180}")
    String keycloak;

    @Option(names = "--realm", defaultValue = "${env:LEDGER_KEYCLOAK_REALM:-openness}")
    String realm;

    @Option(names = "--user", description = "An admin of the realm (default ${DEFAULT-VALUE})",
            defaultValue = "${env:LEDGER_ADMIN_USER:-ada}")
    String user;

    @Option(names = "--password", description = "Default: LEDGER_ADMIN_PASSWORD, else the dev realm's",
            defaultValue = "${env:LEDGER_ADMIN_PASSWORD:-ada-pass}")
    String password;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** A request to an API path, with the token. */
    HttpRequest.Builder request(String path, String token) {
        return HttpRequest.newBuilder(URI.create(api + path)).header("Authorization", "Bearer " + token);
    }

    <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body)
            throws IOException, InterruptedException {
        return http.send(request, body);
    }

    /**
     * Asks the API as the admin: {@code method} completes the request (method, body, timeout); a 200
     * answer is read as {@code type}. Null after saying why there is no answer.
     */
    <T> T adminCall(String path, UnaryOperator<HttpRequest.Builder> method, Class<T> type, PrintWriter err)
            throws IOException, InterruptedException {
        String token = tokenOrNull(err);
        if (token == null) {
            return null;
        }
        HttpResponse<String> answer;
        try {
            answer = http.send(method.apply(request(path, token)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            err.println("cannot reach the ledger at " + api + ": " + e.getMessage());
            return null;
        }
        if (answer.statusCode() != 200) {
            err.println("the ledger answered " + answer.statusCode() + ": " + answer.body());
            return null;
        }
        return JSON.readValue(answer.body(), type);
    }

    static String json(Object body) throws IOException {
        return JSON.writeValueAsString(body);
    }

    /** The admin's token, or null after saying why there is none. */
    String tokenOrNull(PrintWriter err) throws InterruptedException {
        try {
            return token();
        } catch (IOException e) {
            err.println("cannot get a token from " + keycloak + ": " + e.getMessage());
            return null;
        }
    }

    private String token() throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=ledger-cli&username=" + encode(user) + "&password="
                + encode(password);
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(keycloak + "/realms/" + realm
                        + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IOException("Keycloak answered " + answer.statusCode() + " for user " + user);
        }
        return JSON.readTree(answer.body()).get("access_token").asText();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
