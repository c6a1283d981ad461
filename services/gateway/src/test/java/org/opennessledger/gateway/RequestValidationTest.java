package org.opennessledger.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opennessledger.gateway.support.Problems.assertProblem;
import static org.opennessledger.gateway.support.Problems.pointers;
import static org.opennessledger.gateway.support.TestGateway.await;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opennessledger.gateway.support.TestGateway;

/** Requests that break openapi.yaml get a 400 naming the field, and change nothing. */
@ExtendWith(VertxExtension.class)
class RequestValidationTest {

    private TestGateway gateway;

    @BeforeEach
    void start(Vertx vertx) {
        gateway = TestGateway.start(vertx);
    }

    @AfterEach
    void nothingReachedTheCommandBus() {
        assertThat(gateway.ledger.received).isEmpty();
    }

    @Test
    void missingRequiredFieldIsNamed() {
        JsonObject problem = invalid("/api/models", new JsonObject().put("name", "Llama 3"));

        assertThat(pointers(problem)).containsExactly("/producer");
        assertThat(problem.getString("detail")).contains("/producer").contains("required");
    }

    @Test
    void unknownPropertyIsRefused() {
        JsonObject problem = invalid("/api/models",
                new JsonObject().put("name", "Llama 3").put("producer", "Meta").put("colour", "blue"));

        assertThat(pointers(problem)).containsExactly("/colour");
    }

    @Test
    void modelTypeOutsideTheListIsRefused() {
        JsonObject problem = invalid("/api/models",
                new JsonObject().put("name", "Llama 3").put("producer", "Meta").put("modelType", "banana"));

        assertThat(pointers(problem)).containsExactly("/modelType");
    }

    @Test
    void componentOutsideTheCatalogueIsRefused() {
        JsonObject problem = invalid("/api/claims", CommandTranslationTest.claim("olmo", null).put("component", "weights"));

        assertThat(pointers(problem)).containsExactly("/component");
    }

    @Test
    void claimWithoutEvidenceIsRefused() {
        JsonObject problem = invalid("/api/claims", CommandTranslationTest.claim("olmo", null).put("evidence", new JsonArray()));

        assertThat(pointers(problem)).containsExactly("/evidence");
    }

    @Test
    void evidenceFieldsAreCheckedInsideTheArray() {
        JsonObject claim = CommandTranslationTest.claim("olmo", null);
        claim.getJsonArray("evidence").getJsonObject(0).put("retrievedOn", "10/01/2025");
        claim.getJsonArray("evidence").add(new JsonObject().put("url", "ftp://example.org/x").put("retrievedOn", "2025-01-10"));

        JsonObject problem = invalid("/api/claims", claim);

        assertThat(pointers(problem)).contains("/evidence/0/retrievedOn", "/evidence/1/url");
    }

    @Test
    void lengthLimitsHold() {
        JsonObject longName = new JsonObject().put("name", "x".repeat(201)).put("producer", "Meta");
        assertThat(pointers(invalid("/api/models", longName))).containsExactly("/name");

        JsonObject longRationale = CommandTranslationTest.claim("olmo", null).put("rationale", "r".repeat(10_001));
        assertThat(pointers(invalid("/api/claims", longRationale))).containsExactly("/rationale");

        JsonObject longReason = new JsonObject().put("verdict", "agree").put("reason", "r".repeat(2_001));
        assertThat(pointers(invalid("/api/claims/some-claim/reviews", longReason))).containsExactly("/reason");
    }

    @Test
    void blankNameAndNonDurationAreRefused() {
        assertThat(pointers(invalid("/api/models", new JsonObject().put("name", "   ").put("producer", "Meta"))))
                .containsExactly("/name");
        JsonObject policy = new JsonObject().put("minimumReviews", 3).put("acceptRatio", 0.7).put("rejectRatio", 0.7)
                .put("lockAfter", "two weeks");
        HttpResponse<Buffer> response = await(gateway.post("/api/admin/consensus-policy", "ada").sendJsonObject(policy));
        assertThat(pointers(assertProblem(response, 400))).containsExactly("/lockAfter");
    }

    @Test
    void dateThatDoesNotExistIsNamed() {
        HttpResponse<Buffer> response = await(gateway.post("/api/models/olmo/releases", "alice")
                .sendJsonObject(new JsonObject().put("name", "OLMo 7B").put("releaseDate", "2024-02-30")));

        JsonObject problem = assertProblem(response, 400);
        assertThat(pointers(problem)).containsExactly("/releaseDate");
        assertThat(problem.getString("detail")).contains("/releaseDate").doesNotContain("java.");
    }

    @Test
    void badPathParameterIsNamed() {
        HttpResponse<Buffer> response = gateway.getNow("/api/models/llama-3/releases/r1/assessments/0");

        JsonObject problem = assertProblem(response, 400);
        assertThat(pointers(problem)).containsExactly("path parameter version");
    }

    @Test
    void malformedJsonIsA400() {
        HttpResponse<Buffer> response = await(gateway.post("/api/models", "alice")
                .putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer("{\"name\": ")));

        assertThat(assertProblem(response, 400).getString("detail")).isNotBlank();
    }

    @Test
    void bodyThatIsNotJsonIsUnsupported() {
        HttpResponse<Buffer> response = await(gateway.post("/api/models", "alice")
                .putHeader("Content-Type", "text/csv").sendBuffer(Buffer.buffer("name,producer\nx,y")));

        assertThat(assertProblem(response, 415).getString("detail")).contains("application/json");
    }

    @Test
    void bodyOver256KiBIsRefused() {
        JsonObject huge = new JsonObject().put("name", "x").put("producer", "y").put("description", "d".repeat(300 * 1024));

        HttpResponse<Buffer> response = await(gateway.post("/api/models", "alice").sendJsonObject(huge));

        assertThat(assertProblem(response, 413).getString("detail")).contains("256 KiB");
    }

    private JsonObject invalid(String path, JsonObject body) {
        HttpResponse<Buffer> response = await(gateway.post(path, "ada").sendJsonObject(body));
        return assertProblem(response, 400);
    }
}
