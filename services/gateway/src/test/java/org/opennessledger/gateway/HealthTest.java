package org.opennessledger.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opennessledger.gateway.support.Problems.assertProblem;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opennessledger.gateway.support.InMemoryLedger;
import org.opennessledger.gateway.support.RealmTokens;
import org.opennessledger.gateway.support.TestGateway;

/** /health is 200 only when every probe, Keycloak's included, is up; otherwise 503 naming what is down. */
@ExtendWith(VertxExtension.class)
class HealthTest {

    @Test
    void upWhenEveryProbeIsUpAndDownWhenOneIsNot(Vertx vertx) {
        AtomicBoolean eventStoreUp = new AtomicBoolean(true);
        TestGateway gateway = TestGateway.start(vertx, new InMemoryLedger(), List.of(
                        new HealthProbe("eventStore", () -> CompletableFuture.completedFuture(eventStoreUp.get())),
                        new HealthProbe("mongodb", () -> CompletableFuture.completedFuture(true))),
                TestGateway.settings(RealmTokens.keycloakUrl(), "ledger-api"));

        HttpResponse<Buffer> up = gateway.getNow("/health");
        assertThat(up.statusCode()).as(up.bodyAsString()).isEqualTo(200);
        assertThat(up.bodyAsJsonObject().getString("status")).isEqualTo("UP");
        assertThat(statusOf(up, "eventStore")).isEqualTo("UP");
        assertThat(statusOf(up, "mongodb")).isEqualTo("UP");
        assertThat(statusOf(up, "keycloak")).isEqualTo("UP");

        eventStoreUp.set(false);
        HttpResponse<Buffer> down = gateway.getNow("/health");
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.bodyAsJsonObject().getString("status")).isEqualTo("DOWN");
        assertThat(statusOf(down, "eventStore")).isEqualTo("DOWN");
        assertThat(statusOf(down, "mongodb")).isEqualTo("UP");
    }

    @Test
    void probeThatFailsOrHangsCountsAsDownNotAsAnError(Vertx vertx) {
        TestGateway gateway = TestGateway.start(vertx, new InMemoryLedger(), List.of(
                        new HealthProbe("mongodb", () -> CompletableFuture.failedFuture(new IOException("connection refused"))),
                        new HealthProbe("eventStore", CompletableFuture::new)),
                TestGateway.settings(RealmTokens.keycloakUrl(), "ledger-api"));

        HttpResponse<Buffer> response = gateway.getNow("/health");

        assertThat(response.statusCode()).isEqualTo(503);
        JsonObject mongo = check(response, "mongodb");
        assertThat(mongo.getString("status")).isEqualTo("DOWN");
        assertThat(mongo.getJsonObject("data").getString("reason")).contains("connection refused");
        assertThat(check(response, "eventStore").getJsonObject("data").getString("reason")).contains("no answer");
    }

    @Test
    void gatewayStartsWithoutKeycloakReportsItDownAndRefusesWritesWith503(Vertx vertx) throws IOException {
        String nobodyListens;
        try (ServerSocket socket = new ServerSocket(0)) {
            nobodyListens = "http://127.0.0.1:" + socket.getLocalPort();
        }
        TestGateway gateway = TestGateway.start(vertx, new InMemoryLedger(), List.of(),
                TestGateway.settings(nobodyListens, "ledger-api"));

        HttpResponse<Buffer> health = gateway.getNow("/health");
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(statusOf(health, "keycloak")).isEqualTo("DOWN");

        assertThat(gateway.getNow("/api/models").statusCode()).isEqualTo(200);
        HttpResponse<Buffer> write = gateway.postJson("/api/models", "alice",
                new JsonObject().put("name", "Llama 3").put("producer", "Meta"));
        assertProblem(write, 503);
        assertThat(write.getHeader("Retry-After")).isEqualTo("5");
        assertThat(gateway.ledger.received).isEmpty();
    }

    private static String statusOf(HttpResponse<Buffer> response, String id) {
        return check(response, id).getString("status");
    }

    private static JsonObject check(HttpResponse<Buffer> response, String id) {
        return response.bodyAsJsonObject().getJsonArray("checks").stream().map(JsonObject.class::cast)
                .filter(c -> id.equals(c.getString("id"))).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + id + " in " + response.bodyAsString()));
    }
}
