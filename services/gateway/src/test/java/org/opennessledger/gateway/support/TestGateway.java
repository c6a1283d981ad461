package org.opennessledger.gateway.support;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.opennessledger.gateway.GatewayDependencies;
import org.opennessledger.gateway.GatewaySettings;
import org.opennessledger.gateway.GatewayVerticle;
import org.opennessledger.gateway.HealthProbe;

/** The gateway on 127.0.0.1 (random port) in front of an {@link InMemoryLedger}, and a real WebClient. */
public final class TestGateway {

    public static final String HOST = "127.0.0.1";

    public final InMemoryLedger ledger;
    public final WebClient client;
    public final int port;

    private TestGateway(InMemoryLedger ledger, WebClient client, int port) {
        this.ledger = ledger;
        this.client = client;
        this.port = port;
    }

    /** Trusting the real Keycloak of the test run, audience ledger-api, no extra probes. */
    public static TestGateway start(Vertx vertx) {
        return start(vertx, new InMemoryLedger(), List.of(), settings(RealmTokens.keycloakUrl(), "ledger-api"));
    }

    public static GatewaySettings settings(String keycloakUrl, String audience) {
        return new GatewaySettings(HOST, 0, keycloakUrl, RealmTokens.REALM, audience, null);
    }

    public static TestGateway start(Vertx vertx, InMemoryLedger ledger, List<HealthProbe> probes,
                                    GatewaySettings settings) {
        GatewayVerticle verticle = new GatewayVerticle(new GatewayDependencies(ledger.commandGateway,
                ledger.queryGateway, ledger.barrier, probes, settings));
        await(vertx.deployVerticle(verticle));
        return new TestGateway(ledger, WebClient.create(vertx), verticle.actualPort());
    }

    public HttpRequest<Buffer> get(String path) {
        return client.get(port, HOST, path);
    }

    public HttpRequest<Buffer> post(String path) {
        return client.post(port, HOST, path);
    }

    public HttpRequest<Buffer> post(String path, String user) {
        return post(path).bearerTokenAuthentication(RealmTokens.accessToken(user));
    }

    public HttpResponse<Buffer> postJson(String path, String user, JsonObject body) {
        return await(post(path, user).sendJsonObject(body));
    }

    public HttpResponse<Buffer> getNow(String path) {
        return await(get(path).send());
    }

    public static <T> T await(io.vertx.core.Future<T> future) {
        try {
            return future.await(20, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no answer within 20 s", e);
        }
    }
}
