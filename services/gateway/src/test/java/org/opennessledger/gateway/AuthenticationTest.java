package org.opennessledger.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opennessledger.gateway.support.Problems.assertProblem;
import static org.opennessledger.gateway.support.TestGateway.await;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opennessledger.gateway.support.InMemoryLedger;
import org.opennessledger.gateway.support.RealmTokens;
import org.opennessledger.gateway.support.TestGateway;

/** Writes need a valid access token of the real Keycloak realm; reads do not. */
@ExtendWith(VertxExtension.class)
class AuthenticationTest {

    private static final JsonObject MODEL = new JsonObject().put("name", "Llama 3").put("producer", "Meta");

    private TestGateway gateway;

    @BeforeEach
    void start(Vertx vertx) {
        gateway = TestGateway.start(vertx);
    }

    @Test
    void writeWithoutTokenIsRefusedWithBearerChallengeAndSendsNoCommand() {
        HttpResponse<Buffer> response = await(gateway.post("/api/models").sendJsonObject(MODEL));

        JsonObject problem = assertProblem(response, 401);
        assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("Bearer realm=\"openness\"");
        assertThat(problem.getString("detail")).contains("Authorization: Bearer");
        assertThat(gateway.ledger.received).isEmpty();
    }

    @Test
    void anonymousInvalidBodyIsRefusedAsUnauthenticatedBeforeItIsValidated() {
        HttpResponse<Buffer> response = await(gateway.post("/api/models").sendJsonObject(new JsonObject().put("x", 1)));

        assertProblem(response, 401);
    }

    @Test
    void validAccessTokenIsAccepted() {
        HttpResponse<Buffer> response = gateway.postJson("/api/models", "alice", MODEL);

        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
        assertThat(gateway.ledger.received).hasSize(1);
    }

    @Test
    void tokenWithTamperedSignatureIsRefused() {
        String[] parts = RealmTokens.accessToken("alice").split("\\.");
        char[] signature = parts[2].toCharArray();
        int middle = signature.length / 2;
        signature[middle] = signature[middle] == 'A' ? 'B' : 'A';

        assertInvalidToken(parts[0] + "." + parts[1] + "." + new String(signature));
    }

    @Test
    void expiredTokenIsRefusedEvenWhenItsExpiryIsMovedForward() {
        // A token whose "exp" was pushed into the future by hand: its signature no longer matches.
        String[] parts = RealmTokens.accessToken("alice").split("\\.");
        JsonObject claims = RealmTokens.claims(RealmTokens.accessToken("alice"));
        claims.put("exp", claims.getLong("exp") + 86_400);
        String payload = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.encode().getBytes(StandardCharsets.UTF_8));

        assertInvalidToken(parts[0] + "." + payload + "." + parts[2]);
    }

    @Test
    void unsignedTokenIsRefused() {
        String header = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = RealmTokens.accessToken("alice").split("\\.")[1];

        assertInvalidToken(header + "." + payload + ".");
        assertInvalidToken(header + "." + payload);
    }

    @Test
    void idTokenOfTheRealmIsNotAnAccessTokenForTheApi() {
        assertInvalidToken(RealmTokens.idToken("alice"));
    }

    @Test
    void garbageAndOtherSchemesAreRefused() {
        assertInvalidToken("not-a-token");
        HttpResponse<Buffer> basic = await(gateway.post("/api/models")
                .putHeader("Authorization", "Basic YWxpY2U6YWxpY2UtcGFzcw==").sendJsonObject(MODEL));
        assertProblem(basic, 401);
        assertThat(basic.getHeader("WWW-Authenticate")).startsWith("Bearer ");
        assertThat(gateway.ledger.received).isEmpty();
    }

    @Test
    void tokenForAnotherAudienceIsRefused(Vertx vertx) {
        TestGateway strict = TestGateway.start(vertx, new InMemoryLedger(), List.of(),
                TestGateway.settings(RealmTokens.keycloakUrl(), "ledger-admin-api"));

        HttpResponse<Buffer> response = strict.postJson("/api/models", "alice", MODEL);

        JsonObject problem = assertProblem(response, 401);
        assertThat(problem.getString("detail")).contains("audience");
        assertThat(strict.ledger.received).isEmpty();
    }

    @Test
    void readsNeedNoToken() {
        assertThat(gateway.getNow("/api/models").statusCode()).isEqualTo(200);
        assertThat(gateway.getNow("/api/matrix").statusCode()).isEqualTo(200);
    }

    private void assertInvalidToken(String token) {
        HttpResponse<Buffer> response = await(gateway.post("/api/models")
                .putHeader("Authorization", "Bearer " + token).sendJsonObject(MODEL));
        assertProblem(response, 401);
        assertThat(response.getHeader("WWW-Authenticate")).contains("error=\"invalid_token\"");
        assertThat(gateway.ledger.received).isEmpty();
    }
}
