package org.opennessledger.gateway.api;

import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.opennessledger.gateway.http.ApiException;

/** Instants in query parameters ({@code asOf}, {@code from}, {@code to}): RFC 3339 with an offset. */
final class Instants {

    static final String FORMAT = "an RFC 3339 instant with an offset, such as 2025-06-01T00:00:00Z";

    private Instants() {
    }

    /** The parameter's instant, empty when it is absent; a 400 naming the format when it does not parse. */
    static Optional<Instant> parameter(RoutingContext ctx, String name) {
        String value = ctx.queryParams().get(name);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(value.strip()).toInstant());
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(name, "expected " + FORMAT + ", got '" + value + "'");
        }
    }

    static Instant required(RoutingContext ctx, String name) {
        return parameter(ctx, name).orElseThrow(() -> ApiException.invalid(name, "is required: " + FORMAT));
    }

    static ApiException notYet(String what, Instant asOf) {
        return ApiException.notFound(what + " did not exist yet at " + asOf + ".");
    }
}
