package org.opennessledger.gateway;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.FileSystemAccess;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.ext.web.openapi.router.OpenAPIRoute;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.SecurityRequirement;
import io.vertx.openapi.validation.RequestValidator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opennessledger.gateway.api.LedgerApi;
import org.opennessledger.gateway.api.TimelineFeeds;
import org.opennessledger.gateway.auth.BearerAuthHandler;
import org.opennessledger.gateway.limits.WriteRateLimiter;
import org.opennessledger.gateway.auth.KeycloakTokenVerifier;
import org.opennessledger.gateway.bus.CommandSender;
import org.opennessledger.gateway.bus.QueryRunner;
import org.opennessledger.gateway.fetch.DocumentFetcher;
import org.opennessledger.gateway.fetch.FetchLimits;
import org.opennessledger.gateway.fetch.HostResolver;
import org.opennessledger.gateway.health.HealthEndpoint;
import org.opennessledger.gateway.http.CorrelationIdHandler;
import org.opennessledger.gateway.http.JsonBodies;
import org.opennessledger.gateway.http.OpenApiDescription;
import org.opennessledger.gateway.http.ProblemResponder;
import org.opennessledger.gateway.http.RequestValidationHandler;
import org.opennessledger.gateway.http.SecurityHeadersHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP edge. Routes come from openapi.yaml (one handler per operationId); each operation runs
 * authentication (if the description asks for a bearer token), then request validation, then its
 * handler, which translates HTTP into contract commands and queries. Nothing below knows HTTP.
 */
public final class GatewayVerticle extends VerticleBase {

    /** The realm's public client the browser app logs in with (code flow with PKCE). */
    static final String WEB_CLIENT_ID = "ledger-web";


    public static final long BODY_LIMIT_BYTES = 256 * 1024;
    /** The methods that change something: limited per person and address (WriteRateLimiter). */
    private static final java.util.Set<HttpMethod> WRITES =
            java.util.Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);
    /** Name of the health check the gateway adds for its identity provider. */
    public static final String KEYCLOAK_PROBE = "keycloak";

    private static final Logger LOG = LoggerFactory.getLogger(GatewayVerticle.class);

    private final GatewayDependencies dependencies;
    private KeycloakTokenVerifier verifier;
    private DocumentFetcher documentFetcher;
    private HttpServer server;

    public GatewayVerticle(GatewayDependencies dependencies) {
        this.dependencies = dependencies;
    }

    @Override
    public Future<?> start() {
        GatewaySettings settings = dependencies.settings();
        verifier = new KeycloakTokenVerifier(vertx, settings);
        if (settings.documentFetch()) {
            documentFetcher = new DocumentFetcher(vertx, dependencies.fetchAddressPolicy(), HostResolver.SYSTEM,
                    FetchLimits.DEFAULT);
        }
        return OpenApiDescription.load(vertx)
                .map(this::router)
                .compose(router -> vertx.createHttpServer(new HttpServerOptions()
                                .setHost(settings.host())
                                .setPort(settings.port())
                                .setCompressionSupported(true))
                        .requestHandler(router)
                        .listen())
                .onSuccess(listening -> {
                    server = listening;
                    LOG.info("gateway listening on http://{}:{} (tokens from {}, audience {}; fetching documents {})",
                            settings.host(), listening.actualPort(), settings.issuer(), settings.audience(),
                            documentFetcher == null ? "off" : "on");
                })
                .onFailure(error -> closeClients());
    }

    @Override
    public Future<?> stop() {
        Future<Void> closed = server == null ? Future.succeededFuture() : server.close();
        return closed.eventually(this::closeClients);
    }

    private Future<Void> closeClients() {
        Future<Void> fetcherClosed = documentFetcher == null ? Future.succeededFuture() : documentFetcher.close();
        return fetcherClosed.eventually(() -> verifier == null ? Future.succeededFuture() : verifier.close());
    }

    /** The port actually bound (useful with port 0); -1 before the server listens. */
    public int actualPort() {
        return server == null ? -1 : server.actualPort();
    }

    private Router router(OpenApiDescription description) {
        GatewaySettings settings = dependencies.settings();
        ProblemResponder problems = new ProblemResponder(BODY_LIMIT_BYTES);
        BearerAuthHandler bearerAuth = new BearerAuthHandler(verifier, settings.realm());
        WriteRateLimiter writeLimiter = new WriteRateLimiter(settings.writeLimits());
        RequestValidator validator = RequestValidator.create(vertx, description.contract());

        Map<String, Handler<RoutingContext>> handlers = new HashMap<>(new LedgerApi(
                new CommandSender(vertx, dependencies.commandGateway()),
                new QueryRunner(vertx, dependencies.queryGateway(), dependencies.projectionBarrier()),
                dependencies.readModelRebuild(), Optional.ofNullable(documentFetcher)).handlers());
        List<HealthProbe> probes = new ArrayList<>(dependencies.probes());
        probes.add(new HealthProbe(KEYCLOAK_PROBE, () -> verifier.probe().toCompletionStage().toCompletableFuture()));
        handlers.put("getHealth", new HealthEndpoint(vertx, probes));
        // What the browser app needs to log in: the realm and its public client (no secret exists).
        handlers.put("getUiConfig", ctx -> JsonBodies.respond(ctx, 200, Map.of("keycloakUrl", settings.keycloakUrl(),
                "realm", settings.realm(), "clientId", WEB_CLIENT_ID)));

        // A family's Atom feed: OpenAPI path templates cannot end in ".atom", so it is routed here,
        // with the id pattern of the description's IdRef.
        Handler<RoutingContext> modelFeed = handlers.remove(TimelineFeeds.MODEL_FEED);
        RouterBuilder builder = RouterBuilder.create(vertx, description.contract());
        builder.rootHandler(new SecurityHeadersHandler(settings.keycloakOrigin()));
        builder.rootHandler(new CorrelationIdHandler());
        builder.rootHandler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT_BYTES));
        for (OpenAPIRoute route : builder.getRoutes()) {
            Operation operation = route.getOperation();
            Handler<RoutingContext> handler = handlers.remove(operation.getOperationId());
            if (handler == null) {
                throw new IllegalStateException("openapi.yaml names operation " + operation.getOperationId()
                        + " but the gateway has no handler for it");
            }
            // Authentication first, validation second (RouterBuilder's own order would validate first).
            route.setDoSecurity(false).setDoValidation(false);
            if (!operation.getSecurityRequirements().isEmpty()) {
                // An empty requirement ({}) beside bearerAuth makes the token optional.
                boolean optional = operation.getSecurityRequirements().stream().anyMatch(SecurityRequirement::isEmpty);
                route.addHandler(optional ? bearerAuth.optional() : bearerAuth);
                if (!optional && WRITES.contains(operation.getHttpMethod())) {
                    route.addHandler(writeLimiter);
                }
            }
            route.addHandler(new RequestValidationHandler(validator, operation));
            route.addHandler(handler);
        }
        if (!handlers.isEmpty()) {
            throw new IllegalStateException("handlers without an operation in openapi.yaml: " + handlers.keySet());
        }
        Router router = builder.createRouter();
        router.getWithRegex(TimelineFeeds.MODEL_FEED_PATH).handler(new CorrelationIdHandler())
                .handler(new SecurityHeadersHandler(settings.keycloakOrigin())).handler(modelFeed);
        // Not an operation of the description itself: vertx-openapi has no YAML media type.
        router.get("/api/openapi.yaml").handler(ctx -> ctx.response()
                .putHeader("Content-Type", "application/yaml; charset=utf-8")
                .end(description.yaml()));

        // The web UI: everything outside /api and /health, GET and HEAD only.
        StaticHandler ui = settings.webRoot() != null
                ? StaticHandler.create(FileSystemAccess.ROOT, settings.webRoot().toAbsolutePath().toString())
                : StaticHandler.create("webroot");
        router.routeWithRegex("^/(?!api(?:/|$)|health(?:/|$)).*").method(HttpMethod.GET).method(HttpMethod.HEAD)
                .handler(ui.setDirectoryListing(false).setIncludeHidden(false));

        router.route().failureHandler(problems);
        router.errorHandler(404, problems);
        router.errorHandler(405, problems);
        router.errorHandler(500, problems);
        return router;
    }
}
