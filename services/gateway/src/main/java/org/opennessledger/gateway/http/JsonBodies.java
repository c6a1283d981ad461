package org.opennessledger.gateway.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.util.stream.Collectors;

/** Reads validated request bodies into request records and writes views as JSON. */
public final class JsonBodies {

    public static final String JSON = "application/json; charset=utf-8";

    private JsonBodies() {
    }

    /** The body as {@code type}; a body the schema let through but Jackson cannot map is still a 400. */
    public static <T> T read(RoutingContext ctx, Class<T> type) {
        Buffer body = ctx.body().buffer();
        if (body == null || body.length() == 0) {
            throw new ApiException(ProblemType.INVALID_REQUEST, "A JSON body is required.");
        }
        try {
            return LedgerJson.mapper().readValue(body.getBytes(), type);
        } catch (JsonMappingException e) {
            String pointer = e.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()))
                    .collect(Collectors.joining("/", "/", ""));
            // Jackson's own words name Java types; say it in the API's terms instead.
            String detail = e instanceof InvalidFormatException format
                    ? "'" + format.getValue() + "' is not a valid value here"
                    : "does not have the expected type or shape";
            throw ApiException.invalid(pointer, detail);
        } catch (JsonProcessingException e) {
            throw new ApiException(ProblemType.INVALID_REQUEST, "The body is not valid JSON.");
        } catch (IOException e) {
            throw new ApiException(ProblemType.INVALID_REQUEST, "The body could not be read.");
        }
    }

    public static void respond(RoutingContext ctx, int status, Object body) {
        Buffer bytes;
        try {
            bytes = Buffer.buffer(LedgerJson.mapper().writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            ctx.fail(new IllegalStateException("could not serialise " + body.getClass().getName(), e));
            return;
        }
        ctx.response().setStatusCode(status).putHeader("Content-Type", JSON).end(bytes);
    }
}
