package org.opennessledger.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opennessledger.gateway.support.Problems.assertProblem;
import static org.opennessledger.gateway.support.TestGateway.await;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.opennessledger.gateway.support.InMemoryLedger;
import org.opennessledger.gateway.support.RealmTokens;
import org.opennessledger.gateway.support.TestGateway;

/** Reads, 404s, the served description, the static UI and the headers every answer carries. */
@ExtendWith(VertxExtension.class)
class ReadsAndRoutingTest {

    private TestGateway gateway;

    @BeforeEach
    void start(Vertx vertx) {
        gateway = TestGateway.start(vertx);
    }

    @Test
    void descriptionIsServedVerbatim() throws Exception {
        HttpResponse<Buffer> response = gateway.getNow("/api/openapi.yaml");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.getHeader("Content-Type")).startsWith("application/yaml");
        try (InputStream resource = getClass().getClassLoader().getResourceAsStream("openapi.yaml")) {
            assertThat(response.body().getBytes()).isEqualTo(resource.readAllBytes());
        }
        assertThat(response.bodyAsString()).startsWith("openapi: 3.1.0").contains("Read-your-writes");
    }

    @Test
    void readsOfWhatExistsAnswerTheViews() {
        gateway.postJson("/api/models", "alice", new JsonObject().put("modelId", "olmo").put("name", "OLMo")
                .put("producer", "AI2"));
        gateway.postJson("/api/models/olmo/releases", "alice", new JsonObject().put("releaseId", "olmo-7b")
                .put("name", "OLMo 7B"));

        assertThat(gateway.getNow("/api/models").bodyAsJsonArray().getJsonObject(0).getInteger("releaseCount")).isEqualTo(1);
        assertThat(gateway.getNow("/api/models/olmo").bodyAsJsonObject().getString("producer")).isEqualTo("AI2");
        assertThat(gateway.getNow("/api/models/olmo/releases/olmo-7b").bodyAsJsonObject().getString("name"))
                .isEqualTo("OLMo 7B");
        assertThat(gateway.getNow("/api/models/olmo/releases/olmo-7b/assessments").bodyAsJsonArray()).isEmpty();
        assertThat(gateway.getNow("/api/matrix").bodyAsJsonObject().getJsonArray("components")).isNotEmpty();
        HttpResponse<Buffer> history = gateway.getNow("/api/models/olmo/history");
        assertThat(history.bodyAsJsonArray()).hasSize(2);
        String subject = RealmTokens.claims(RealmTokens.accessToken("alice")).getString("sub");
        assertThat(history.bodyAsJsonArray().getJsonObject(0).getString("actorId")).isEqualTo(subject);
    }

    @Test
    void readsOfWhatDoesNotExistAre404Problems() {
        gateway.postJson("/api/models", "alice", new JsonObject().put("modelId", "olmo").put("name", "OLMo")
                .put("producer", "AI2"));

        assertThat(assertProblem(gateway.getNow("/api/models/gemma"), 404).getString("detail")).contains("gemma");
        assertProblem(gateway.getNow("/api/models/olmo/releases/olmo-70b"), 404);
        assertProblem(gateway.getNow("/api/models/olmo/releases/olmo-70b/assessments"), 404);
        assertProblem(gateway.getNow("/api/models/olmo/releases/olmo-7b/assessments/3"), 404);
        assertProblem(gateway.getNow("/api/models/gemma/history"), 404);
        assertProblem(gateway.getNow("/api/claims/3f1e0c52-0000-4000-8000-000000000000"), 404);
        assertProblem(gateway.getNow("/api/claims/3f1e0c52-0000-4000-8000-000000000000/history"), 404);
    }

    @Test
    void unknownRouteIs404AndWrongMethodIs405() {
        JsonObject notFound = assertProblem(gateway.getNow("/api/nothing-here"), 404);
        assertThat(notFound.getString("detail")).contains("/api/openapi.yaml");
        assertProblem(await(gateway.post("/api/nothing-here", "alice").send()), 404);

        HttpResponse<Buffer> wrongMethod = await(gateway.client.request(HttpMethod.DELETE, gateway.port,
                TestGateway.HOST, "/api/models").send());
        assertProblem(wrongMethod, 405);
    }

    @Test
    void apiAnswersCarrySecurityHeaders() {
        HttpResponse<Buffer> response = gateway.getNow("/api/models");

        assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(response.getHeader("Content-Security-Policy")).startsWith("default-src 'none'");
        assertThat(response.getHeader("Access-Control-Allow-Origin")).isNull();
        assertThat(response.getHeader("X-Correlation-Id")).isNotBlank();
    }

    @Test
    void withoutWebRootThePlaceholderPageIsServed() {
        HttpResponse<Buffer> page = gateway.getNow("/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.getHeader("Content-Type")).startsWith("text/html");
        assertThat(page.bodyAsString()).contains("<title>Openness Ledger</title>")
                .contains("href=\"/api/openapi.yaml\"").contains("href=\"/api/matrix\"");
        String csp = page.getHeader("Content-Security-Policy");
        assertThat(csp).contains("default-src 'self'").contains("frame-ancestors 'none'")
                .contains("connect-src 'self' " + RealmTokens.keycloakUrl());
        assertThat(page.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void webRootIsServedWhenConfigured(Vertx vertx, @TempDir Path webRoot) throws Exception {
        Files.writeString(webRoot.resolve("index.html"), "<!DOCTYPE html><title>built UI</title>");
        Files.writeString(webRoot.resolve(".env"), "SECRET=1");
        TestGateway withUi = TestGateway.start(vertx, new InMemoryLedger(), List.of(),
                new GatewaySettings(TestGateway.HOST, 0, RealmTokens.keycloakUrl(), "openness", "ledger-api", webRoot));

        assertThat(withUi.getNow("/").bodyAsString()).contains("built UI");
        assertThat(withUi.getNow("/.env").statusCode()).isEqualTo(404);
        assertThat(withUi.getNow("/../../etc/passwd").statusCode()).isIn(400, 404);
    }
}
