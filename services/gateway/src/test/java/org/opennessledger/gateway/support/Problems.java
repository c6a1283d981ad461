package org.opennessledger.gateway.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.List;

/** Assertions on RFC 9457 answers. */
public final class Problems {

    private Problems() {
    }

    /** Asserts {@code response} is a problem+json with {@code status}, and returns its body. */
    public static JsonObject assertProblem(HttpResponse<Buffer> response, int status) {
        assertThat(response.statusCode()).as("status of %s", response.bodyAsString()).isEqualTo(status);
        assertThat(response.getHeader("Content-Type")).isEqualTo("application/problem+json");
        JsonObject problem = response.bodyAsJsonObject();
        assertThat(problem.getInteger("status")).isEqualTo(status);
        assertThat(problem.getString("type")).startsWith("urn:openness-ledger:problem:");
        assertThat(problem.getString("title")).isNotBlank();
        assertThat(problem.getString("detail")).isNotBlank();
        assertThat(problem.getString("instance")).startsWith("/");
        assertThat(problem.getString("correlationId")).isEqualTo(response.getHeader("X-Correlation-Id")).isNotBlank();
        return problem;
    }

    /** The JSON pointers named in a 400's {@code errors}. */
    public static List<String> pointers(JsonObject problem) {
        JsonArray errors = problem.getJsonArray("errors", new JsonArray());
        return errors.stream().map(e -> ((JsonObject) e).getString("pointer")).toList();
    }
}
