package org.opennessledger.gateway.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure and every unmatched route into an RFC 9457 problem. Unexpected failures are
 * logged with their cause and answered with a generic detail that quotes the correlation id.
 */
public final class ProblemResponder implements Handler<RoutingContext> {

    public static final String PROBLEM_JSON = "application/problem+json";

    private static final Logger LOG = LoggerFactory.getLogger(ProblemResponder.class);

    private final long bodyLimitBytes;

    public ProblemResponder(long bodyLimitBytes) {
        this.bodyLimitBytes = bodyLimitBytes;
    }

    @Override
    public void handle(RoutingContext ctx) {
        ApiException problem = translate(ctx);
        HttpServerResponse response = ctx.response();
        if (response.headWritten()) {
            // Too late for a problem document: the status line is gone. Cut the answer short.
            LOG.warn("failure after the response started ({} {}, correlation {})", ctx.request().method(),
                    ctx.request().path(), CorrelationIdHandler.correlationId(ctx), ctx.failure());
            response.reset();
            return;
        }
        if (problem.type().status() >= 500) {
            if (ctx.failure() instanceof ApiException known) {
                // an expected outage (e.g. Keycloak away): one line, the cause's own words
                LOG.warn("{} {} answered {} (correlation {}): {}", ctx.request().method(), ctx.request().path(),
                        known.type().status(), CorrelationIdHandler.correlationId(ctx),
                        known.getCause() == null ? known.detail() : known.getCause().toString());
            } else {
                LOG.error("{} {} failed (correlation {})", ctx.request().method(), ctx.request().path(),
                        CorrelationIdHandler.correlationId(ctx), ctx.failure());
            }
        }
        write(ctx, problem);
    }

    private ApiException translate(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (failure instanceof ApiException api) {
            return api;
        }
        int status = failure instanceof HttpException http ? http.getStatusCode() : ctx.statusCode();
        String path = ctx.request().path();
        switch (status) {
            case 404:
                return new ApiException(ProblemType.NOT_FOUND, "Nothing is served at " + path
                        + ". The API is described at /api/openapi.yaml.");
            case 405:
                return new ApiException(ProblemType.METHOD_NOT_ALLOWED, ctx.request().method().name()
                        + " is not supported on " + path + ". See /api/openapi.yaml for the allowed methods.");
            case 413:
                return new ApiException(ProblemType.PAYLOAD_TOO_LARGE,
                        "The request body is larger than " + bodyLimitBytes / 1024 + " KiB.");
            case 400:
                return new ApiException(ProblemType.INVALID_REQUEST, "The request is malformed.");
            default:
                if (status >= 400 && status < 500) {
                    ProblemType type = ProblemType.forStatus(status);
                    return new ApiException(type, type.title() + ".");
                }
                return new ApiException(ProblemType.INTERNAL, "The server could not complete the request. "
                        + "If it persists, report it with the correlation id "
                        + CorrelationIdHandler.correlationId(ctx) + ".");
        }
    }

    /** Writes {@code problem} as the answer to {@code ctx}. */
    public static void write(RoutingContext ctx, ApiException problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.type().uri());
        body.put("title", problem.type().title());
        body.put("status", problem.type().status());
        body.put("detail", problem.detail());
        body.put("instance", ctx.request().path());
        body.put("correlationId", CorrelationIdHandler.correlationId(ctx));
        if (!problem.errors().isEmpty()) {
            body.put("errors", problem.errors());
        }
        Buffer bytes;
        try {
            bytes = Buffer.buffer(LedgerJson.mapper().writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem document could not be serialised", e);
        }
        HttpServerResponse response = ctx.response();
        problem.headers().forEach(response::putHeader);
        response.setStatusCode(problem.type().status())
                .putHeader("Content-Type", PROBLEM_JSON)
                .end(bytes);
    }
}
