package org.opennessledger.gateway.support;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
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
import org.opennessledger.gateway.fetch.AddressPolicy;
import org.opennessledger.gateway.fetch.PublicAddressPolicy;

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
        return start(vertx, ledger, probes, settings, PublicAddressPolicy.INSTANCE);
    }

    /** {@code fetchPolicy}: the addresses the document fetcher may reach (with fetching switched on in settings). */
    public static TestGateway start(Vertx vertx, InMemoryLedger ledger, List<HealthProbe> probes,
                                    GatewaySettings settings, AddressPolicy fetchPolicy) {
        GatewayVerticle verticle = new GatewayVerticle(new GatewayDependencies(ledger.commandGateway,
                ledger.queryGateway, ledger.barrier, probes, settings, null, fetchPolicy));
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

    /** A claim by {@code author} on the family "olmo" (registered on first use); returns the claim's id. */
    public String proposedClaim(String author) {
        if (!ledger.modelVisible("olmo")) {
            postJson("/api/models", author, new JsonObject().put("modelId", "olmo").put("name", "OLMo")
                    .put("producer", "AI2"));
        }
        HttpResponse<Buffer> proposed = postJson("/api/claims", author, new JsonObject().put("modelId", "olmo")
                .put("component", "final-weights").put("openness", "open").put("licence", "Apache-2.0")
                .put("evidence", new JsonArray().add(evidence("https://huggingface.co/allenai/OLMo-7B")))
                .put("rationale", "Weights are published under Apache-2.0."));
        if (proposed.statusCode() != 201) {
            throw new AssertionError("the test claim was not proposed: " + proposed.bodyAsString());
        }
        return proposed.bodyAsJsonObject().getString("claimId");
    }

    /** One evidence item as the API takes it. */
    public static JsonObject evidence(String url) {
        return new JsonObject().put("url", url).put("retrievedOn", "2026-11-20");
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
