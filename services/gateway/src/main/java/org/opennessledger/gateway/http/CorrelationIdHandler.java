package org.opennessledger.gateway.http;

import io.vertx.ext.web.handler.PlatformHandler;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Takes the client's {@code X-Correlation-Id} (or makes one), keeps it for the commands of this
 * request and echoes it on every answer, errors included.
 */
public final class CorrelationIdHandler implements PlatformHandler {

    public static final String HEADER = "X-Correlation-Id";
    private static final String KEY = "ledger.correlationId";
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    @Override
    public void handle(RoutingContext ctx) {
        String given = ctx.request().getHeader(HEADER);
        boolean valid = given == null || VALID.matcher(given).matches();
        String id = given != null && valid ? given : UUID.randomUUID().toString();
        ctx.put(KEY, id);
        ctx.response().putHeader(HEADER, id);
        if (!valid) {
            String detail = "must be 1-100 characters of A-Z, a-z, 0-9, '.', '_' or '-'";
            ctx.fail(new ApiException(ProblemType.INVALID_REQUEST, HEADER + " " + detail + ".",
                    List.of(new FieldError("header " + HEADER, detail))));
            return;
        }
        ctx.next();
    }

    /** The id of this request; present on every request once the root handlers ran. */
    public static String correlationId(RoutingContext ctx) {
        String id = ctx.get(KEY);
        return id != null ? id : "none";
    }
}
