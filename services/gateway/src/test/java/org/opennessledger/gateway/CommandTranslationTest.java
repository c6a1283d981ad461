package org.opennessledger.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opennessledger.gateway.support.Problems.assertProblem;
import static org.opennessledger.gateway.support.TestGateway.await;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opennessledger.contracts.claims.ProposeClaim;
import org.opennessledger.contracts.claims.ReviewClaim;
import org.opennessledger.contracts.documents.AddDocumentVersion;
import org.opennessledger.contracts.documents.DocumentVersionResult;
import org.opennessledger.contracts.errors.CommandRejected;
import org.opennessledger.contracts.models.RegisterModelFamily;
import org.opennessledger.contracts.models.RegisterRelease;
import org.opennessledger.contracts.policy.PublishConsensusPolicy;
import org.opennessledger.contracts.queries.Queries;
import org.opennessledger.contracts.values.ComponentId;
import org.opennessledger.contracts.values.LedgerMetaData;
import org.opennessledger.contracts.values.Openness;
import org.opennessledger.contracts.values.Verdict;
import org.opennessledger.contracts.views.DocumentVersionView;
import org.opennessledger.gateway.bus.CommandSender;
import org.opennessledger.gateway.support.RealmTokens;
import org.opennessledger.gateway.support.TestGateway;

/** HTTP writes become contract commands with the token's identity, and command outcomes become HTTP. */
@ExtendWith(VertxExtension.class)
class CommandTranslationTest {

    private TestGateway gateway;

    @BeforeEach
    void start(Vertx vertx) {
        gateway = TestGateway.start(vertx);
    }

    @Test
    void registeringAModelSendsTheCommandAsTheTokenSubjectWithItsLedgerRoles() {
        HttpResponse<Buffer> response = await(gateway.post("/api/models", "mia")
                .putHeader("X-Correlation-Id", "import-2025.01_run-7")
                .sendJsonObject(new JsonObject().put("modelId", "llama-3").put("name", "Llama 3")
                        .put("producer", "Meta").put("description", "Third generation")));

        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
        assertThat(response.getHeader("Location")).isEqualTo("/api/models/llama-3");
        assertThat(response.getHeader("X-Correlation-Id")).isEqualTo("import-2025.01_run-7");
        String subject = RealmTokens.claims(RealmTokens.accessToken("mia")).getString("sub");
        JsonObject model = response.bodyAsJsonObject();
        assertThat(model.getString("modelId")).isEqualTo("llama-3");
        assertThat(model.getString("registeredBy")).isEqualTo(subject);
        assertThat(model.getString("registeredAt")).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");

        CommandMessage<RegisterModelFamily> sent = gateway.ledger.received(RegisterModelFamily.class).get(0);
        assertThat(sent.getPayload()).isEqualTo(new RegisterModelFamily("llama-3", "Llama 3", "Meta", "Third generation"));
        assertThat(sent.getMetaData())
                .containsEntry(LedgerMetaData.ACTOR_ID, subject)
                // realm roles outside the ledger's (default-roles-openness, offline_access, ...) are dropped
                .containsEntry(LedgerMetaData.ACTOR_ROLES, "moderator,reviewer")
                .containsEntry(LedgerMetaData.REASON, "Registered model family llama-3")
                .containsEntry(LedgerMetaData.CORRELATION_ID, "import-2025.01_run-7");
    }

    @Test
    void withoutCorrelationHeaderTheGatewayMakesOneSendsItAndEchoesIt() {
        HttpResponse<Buffer> response = gateway.postJson("/api/models", "alice",
                new JsonObject().put("name", "Qwen 2.5").put("producer", "Alibaba").put("reason", "Tracking Qwen"));

        assertThat(response.statusCode()).isEqualTo(201);
        String correlationId = response.getHeader("X-Correlation-Id");
        assertThat(UUID.fromString(correlationId)).isNotNull();
        assertThat(gateway.ledger.received.get(0).getMetaData())
                .containsEntry(LedgerMetaData.CORRELATION_ID, correlationId)
                .containsEntry(LedgerMetaData.REASON, "Tracking Qwen")
                .containsEntry(LedgerMetaData.ACTOR_ROLES, "reviewer");
    }

    @Test
    void malformedCorrelationIdIsRefusedAndNothingIsSent() {
        HttpResponse<Buffer> response = await(gateway.post("/api/models", "alice")
                .putHeader("X-Correlation-Id", "no spaces; allowed")
                .sendJsonObject(new JsonObject().put("name", "X").put("producer", "Y")));

        JsonObject problem = assertProblem(response, 400);
        assertThat(problem.getString("detail")).contains("X-Correlation-Id");
        assertThat(gateway.ledger.received).isEmpty();
    }

    @Test
    void modelIdIsDerivedFromTheNameWhenOmittedAndATakenIdIsAConflict() {
        JsonObject body = new JsonObject().put("name", "Llama 3.1 (Meta)").put("producer", "Meta");

        HttpResponse<Buffer> first = gateway.postJson("/api/models", "alice", body);
        assertThat(first.getHeader("Location")).isEqualTo("/api/models/llama-3.1-meta");

        JsonObject conflict = assertProblem(gateway.postJson("/api/models", "bob", body), 409);
        assertThat(conflict.getString("detail")).contains("llama-3.1-meta").contains("already exists");
    }

    @Test
    void registeringAReleaseAnswersWithTheReleaseAndAnUnknownModelIsNotFound() {
        gateway.postJson("/api/models", "alice", new JsonObject().put("modelId", "llama-3").put("name", "Llama 3")
                .put("producer", "Meta"));

        HttpResponse<Buffer> response = gateway.postJson("/api/models/llama-3/releases", "alice", new JsonObject()
                .put("name", "Llama-3.1-8B-Instruct").put("version", "3.1").put("releaseDate", "2024-07-23")
                .put("links", new JsonArray().add("https://huggingface.co/meta-llama/Llama-3.1-8B-Instruct")));

        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
        assertThat(response.getHeader("Location")).isEqualTo("/api/models/llama-3/releases/llama-3.1-8b-instruct");
        assertThat(response.bodyAsJsonObject().getString("releaseDate")).isEqualTo("2024-07-23");
        RegisterRelease sent = gateway.ledger.received(RegisterRelease.class).get(0).getPayload();
        assertThat(sent.releaseDate()).isEqualTo(LocalDate.of(2024, 7, 23));
        assertThat(sent.links()).containsExactly("https://huggingface.co/meta-llama/Llama-3.1-8B-Instruct");

        // AggregateNotFoundException from the write side
        JsonObject problem = assertProblem(gateway.postJson("/api/models/gemma/releases", "alice",
                new JsonObject().put("name", "Gemma 2")), 404);
        assertThat(problem.getString("detail")).contains("gemma");
    }

    @Test
    void proposingAClaimGivesItAUuidAndLocationAndLeavesItFamilyWideWithoutRelease() {
        gateway.postJson("/api/models", "alice", new JsonObject().put("modelId", "olmo").put("name", "OLMo")
                .put("producer", "AI2"));

        HttpResponse<Buffer> response = gateway.postJson("/api/claims", "alice", claim("olmo", null));

        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
        ProposeClaim sent = gateway.ledger.received(ProposeClaim.class).get(0).getPayload();
        assertThat(UUID.fromString(sent.claimId()).toString()).isEqualTo(sent.claimId());
        assertThat(response.getHeader("Location")).isEqualTo("/api/claims/" + sent.claimId());
        assertThat(sent.target().familyWide()).isTrue();
        assertThat(sent.target().component()).isEqualTo(ComponentId.FINAL_WEIGHTS);
        assertThat(sent.openness()).isEqualTo(Openness.OPEN);
        assertThat(sent.evidence().get(0).retrievedOn()).isEqualTo(LocalDate.of(2025, 1, 10));
        JsonObject view = response.bodyAsJsonObject();
        assertThat(view.getString("claimId")).isEqualTo(sent.claimId());
        assertThat(view.getString("status")).isEqualTo("PROPOSED");
        assertThat(view.getJsonArray("evidence").getJsonObject(0).getString("retrievedOn")).isEqualTo("2025-01-10");
        assertThat(gateway.ledger.received.get(0).getMetaData().get(LedgerMetaData.REASON))
                .isEqualTo("Registered model family olmo");
        assertThat(gateway.ledger.received.get(1).getMetaData().get(LedgerMetaData.REASON))
                .isEqualTo("Proposed a claim on olmo/*/final-weights");
    }

    @Test
    void reviewAnswersWithTheClaimAfterTheReviewAndSelfReviewIsForbidden() {
        String claimId = proposedClaim("alice");

        HttpResponse<Buffer> review = gateway.postJson("/api/claims/" + claimId + "/reviews", "bob",
                new JsonObject().put("verdict", "agree"));

        assertThat(review.statusCode()).as(review.bodyAsString()).isEqualTo(200);
        assertThat(review.bodyAsJsonObject().getInteger("agreeCount")).isEqualTo(1);
        ReviewClaim sent = gateway.ledger.received(ReviewClaim.class).get(0).getPayload();
        assertThat(sent).isEqualTo(new ReviewClaim(claimId, Verdict.AGREE, null));

        JsonObject forbidden = assertProblem(gateway.postJson("/api/claims/" + claimId + "/reviews", "alice",
                new JsonObject().put("verdict", "disagree").put("reason", "changed my mind")), 403);
        assertThat(forbidden.getString("detail")).isEqualTo("You proposed this claim, so you cannot review it.");
        assertProblem(gateway.postJson("/api/claims/" + UUID.randomUUID() + "/reviews", "bob",
                new JsonObject().put("verdict", "agree")), 404);
    }

    @ParameterizedTest
    @CsvSource({"INVALID, 422", "FORBIDDEN, 403", "NOT_FOUND, 404", "CONFLICT, 409"})
    void commandRejectedKindsMapToTheirStatusWithTheDomainsMessage(CommandRejected.Reason reason, int status) {
        gateway.ledger.onCommand(RegisterModelFamily.class, message -> {
            throw new CommandRejected(reason, "Refused because " + reason.name().toLowerCase() + ".");
        });

        JsonObject problem = assertProblem(gateway.postJson("/api/models", "alice",
                new JsonObject().put("name", "Falcon").put("producer", "TII")), status);

        assertThat(problem.getString("detail")).isEqualTo("Refused because " + reason.name().toLowerCase() + ".");
    }

    @Test
    void unexpectedFailureIsA500WithoutItsInternals() {
        gateway.ledger.onCommand(RegisterModelFamily.class, message -> {
            throw new IllegalStateException("jdbc:h2:/secret/path connection refused");
        });

        JsonObject problem = assertProblem(gateway.postJson("/api/models", "alice",
                new JsonObject().put("name", "Falcon").put("producer", "TII")), 500);

        assertThat(problem.encode()).doesNotContain("secret").doesNotContain("jdbc");
        assertThat(problem.getString("detail")).contains(problem.getString("correlationId"));
    }

    @Test
    void concurrencyConflictsAreRetriedUntilTheCommandGoesThrough() {
        gateway.ledger.failFirst(RegisterModelFamily.class, 3,
                () -> new ConcurrencyException("An event for aggregate [falcon] at sequence [0] was already inserted"));

        HttpResponse<Buffer> response = gateway.postJson("/api/models", "alice",
                new JsonObject().put("modelId", "falcon").put("name", "Falcon").put("producer", "TII"));

        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
        assertThat(response.bodyAsJsonObject().getString("modelId")).isEqualTo("falcon");
        assertThat(gateway.ledger.received(RegisterModelFamily.class)).hasSize(4);
    }

    @Test
    void concurrencyConflictsThatNeverStopEndAsA409AfterFiveRetries() {
        gateway.ledger.failFirst(RegisterModelFamily.class, 100, () -> new ConcurrencyException("always"));

        JsonObject problem = assertProblem(gateway.postJson("/api/models", "alice",
                new JsonObject().put("name", "Falcon").put("producer", "TII")), 409);

        assertThat(problem.getString("detail")).contains("send the request again");
        assertThat(gateway.ledger.received(RegisterModelFamily.class)).hasSize(1 + CommandSender.MAX_RETRIES);
    }

    @Test
    void aDocumentCreatedByAnotherCopyAtTheSameMomentIsRetriedAndFoundThere() {
        // Two platform copies adding the first snapshot of one URL: the slower one's creation fails; sent
        // again, it loads the document the other created and appends to it (or finds the same text there).
        gateway.ledger.failFirst(AddDocumentVersion.class, 1, () -> new AggregateStreamCreationException(
                "Cannot reuse aggregate identifier [doc-1] to create aggregate [Document]"));
        gateway.ledger.onCommand(AddDocumentVersion.class, message -> new DocumentVersionResult(1, false));
        gateway.ledger.onQuery(Queries.GetDocumentVersion.class, DocumentVersionView.class, q -> new DocumentVersionView(
                q.documentId(), 1, "https://example.org/licence", "Licence", "text/plain", "sha256:x", Instant.now(),
                "bob", Instant.now(), "1. Use it.\n"));

        HttpResponse<Buffer> response = gateway.postJson("/api/documents", "alice", new JsonObject()
                .put("sourceUrl", "https://example.org/licence").put("title", "Licence").put("mediaType", "text/plain")
                .put("text", "1. Use it.\n"));

        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
        assertThat(gateway.ledger.received(AddDocumentVersion.class)).hasSize(2);
    }

    @Test
    void aModelIdTakenByAnotherCreationIsNotRetried() {
        gateway.ledger.failFirst(RegisterModelFamily.class, 1, () -> new AggregateStreamCreationException(
                "Cannot reuse aggregate identifier [falcon] to create aggregate [ModelFamily]"));

        JsonObject problem = assertProblem(gateway.postJson("/api/models", "alice",
                new JsonObject().put("modelId", "falcon").put("name", "Falcon").put("producer", "TII")), 409);

        assertThat(problem.getString("detail")).contains("already exists");
        assertThat(gateway.ledger.received(RegisterModelFamily.class)).hasSize(1);
    }

    @Test
    void twoConcurrentReviewsOfOneClaimBothCount() {
        String claimId = proposedClaim("alice");
        // Optimistic locking like an event-sourced aggregate: read the version, decide, append at
        // version + 1; a competing append in between makes this one fail with ConcurrencyException.
        Map<String, Integer> versions = new HashMap<>();
        AtomicInteger conflicts = new AtomicInteger();
        Map<String, Object> applied = new HashMap<>();
        gateway.ledger.onCommand(ReviewClaim.class, message -> {
            int seen;
            synchronized (versions) {
                seen = versions.getOrDefault(claimId, 0);
            }
            sleep(150);
            synchronized (versions) {
                if (versions.getOrDefault(claimId, 0) != seen) {
                    conflicts.incrementAndGet();
                    throw new ConcurrencyException("sequence " + (seen + 1) + " of " + claimId + " already taken");
                }
                versions.put(claimId, seen + 1);
                applied.put(message.getMetaData().get(LedgerMetaData.ACTOR_ID).toString(), message.getPayload());
            }
            return null;
        });

        Future<HttpResponse<Buffer>> bob = gateway.post("/api/claims/" + claimId + "/reviews", "bob")
                .sendJsonObject(new JsonObject().put("verdict", "agree"));
        Future<HttpResponse<Buffer>> carol = gateway.post("/api/claims/" + claimId + "/reviews", "carol")
                .sendJsonObject(new JsonObject().put("verdict", "agree"));

        assertThat(await(bob).statusCode()).isEqualTo(200);
        assertThat(await(carol).statusCode()).isEqualTo(200);
        assertThat(versions).containsEntry(claimId, 2);
        assertThat(applied).hasSize(2);
        assertThat(conflicts.get()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void onlyAdminsPublishConsensusPolicies() {
        JsonObject policy = new JsonObject().put("minimumReviews", 5).put("acceptRatio", 0.75)
                .put("rejectRatio", 0.75).put("lockAfter", "P14D");

        JsonObject forbidden = assertProblem(gateway.postJson("/api/admin/consensus-policy", "mia", policy), 403);
        assertThat(forbidden.getString("detail")).contains("admin");
        assertThat(gateway.ledger.received).isEmpty();

        HttpResponse<Buffer> published = gateway.postJson("/api/admin/consensus-policy", "ada", policy);
        assertThat(published.statusCode()).as(published.bodyAsString()).isEqualTo(201);
        assertThat(published.bodyAsJsonObject().getString("policyVersion")).isEqualTo("policy-2");
        assertThat(published.bodyAsJsonObject().getString("lockAfter")).isEqualTo("P14D");
        PublishConsensusPolicy sent = gateway.ledger.received(PublishConsensusPolicy.class).get(0).getPayload();
        assertThat(sent).isEqualTo(new PublishConsensusPolicy(5, 0.75, 0.75, Duration.ofDays(14)));
        assertThat(gateway.ledger.received.get(0).getMetaData().get(LedgerMetaData.ACTOR_ROLES))
                .isEqualTo("admin,reviewer");
    }

    @Test
    void aWriteAnswersOnlyAfterTheReadModelsCaughtUp() throws Exception {
        gateway.ledger.holdBarrier();

        Future<HttpResponse<Buffer>> pending = gateway.post("/api/models", "alice")
                .sendJsonObject(new JsonObject().put("modelId", "pythia").put("name", "Pythia").put("producer", "EleutherAI"));

        // the command is handled, but the answer waits for the projections
        waitUntil(() -> gateway.ledger.barrierCalls.get() == 1);
        Thread.sleep(300);
        assertThat(gateway.ledger.received(RegisterModelFamily.class)).hasSize(1);
        assertThat(pending.isComplete()).isFalse();
        assertThat(gateway.ledger.modelVisible("pythia")).isFalse();

        gateway.ledger.releaseBarrier();

        HttpResponse<Buffer> response = await(pending);
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.bodyAsJsonObject().getString("name")).isEqualTo("Pythia");
    }

    @Test
    void whenTheReadModelsCannotBeReachedTheStoredWriteIsAcknowledgedWith202() {
        gateway.ledger.breakBarrier();

        HttpResponse<Buffer> response = gateway.postJson("/api/models", "alice",
                new JsonObject().put("modelId", "bloom").put("name", "BLOOM").put("producer", "BigScience"));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.getHeader("Location")).isEqualTo("/api/models/bloom");
        assertThat(response.bodyAsJsonObject().getString("status")).isEqualTo("stored");
        assertThat(response.bodyAsJsonObject().getString("detail")).contains("Do not repeat");
    }

    private String proposedClaim(String author) {
        gateway.postJson("/api/models", author, new JsonObject().put("modelId", "olmo").put("name", "OLMo")
                .put("producer", "AI2"));
        HttpResponse<Buffer> proposed = gateway.postJson("/api/claims", author, claim("olmo", null));
        assertThat(proposed.statusCode()).as(proposed.bodyAsString()).isEqualTo(201);
        return proposed.bodyAsJsonObject().getString("claimId");
    }

    static JsonObject claim(String modelId, String releaseId) {
        JsonObject claim = new JsonObject().put("modelId", modelId).put("component", "final-weights")
                .put("openness", "open").put("licence", "Apache-2.0")
                .put("evidence", new JsonArray().add(new JsonObject()
                        .put("url", "https://huggingface.co/allenai/OLMo-7B")
                        .put("quote", "Apache 2.0")
                        .put("retrievedOn", "2025-01-10")))
                .put("rationale", "Weights are published under Apache-2.0.");
        return releaseId == null ? claim : claim.put("releaseId", releaseId);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5_000;
        while (!condition.getAsBoolean()) {
            assertThat(System.currentTimeMillis()).as("condition within 5 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
