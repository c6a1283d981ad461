package org.opennessledger.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opennessledger.gateway.support.Problems.assertProblem;
import static org.opennessledger.gateway.support.TestGateway.await;
import static org.opennessledger.gateway.support.TestGateway.evidence;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opennessledger.contracts.debate.EditArgument;
import org.opennessledger.contracts.debate.PostArgument;
import org.opennessledger.contracts.disputes.AppealDispute;
import org.opennessledger.contracts.disputes.DisputeClaim;
import org.opennessledger.contracts.disputes.DisputeDecision;
import org.opennessledger.contracts.disputes.ResolveDispute;
import org.opennessledger.contracts.disputes.TakeDispute;
import org.opennessledger.contracts.errors.CommandRejected;
import org.opennessledger.contracts.values.Evidence;
import org.opennessledger.contracts.values.LedgerMetaData;
import org.opennessledger.gateway.support.RealmTokens;
import org.opennessledger.gateway.support.TestGateway;

/** Disputes over HTTP: opening, taking, deciding, appealing, the moderation queue, and refusals from the domain. */
@ExtendWith(VertxExtension.class)
class DisputeEndpointsTest {

    private static final String REASON = "The licence now forbids commercial use";

    private TestGateway gateway;
    private String claimId;

    @BeforeEach
    void start(Vertx vertx) {
        gateway = TestGateway.start(vertx);
        claimId = gateway.proposedClaim("alice");
    }

    @Test
    void disputingAClaimAnswers201WithTheDisputeAtItsLocation() {
        HttpResponse<Buffer> response = gateway.postJson("/api/claims/" + claimId + "/disputes", "bob",
                new JsonObject().put("reason", REASON).put("evidence", new JsonArray().add(evidence("https://example.org/terms"))));

        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
        CommandMessage<DisputeClaim> sent = gateway.ledger.received(DisputeClaim.class).get(0);
        String disputeId = sent.getPayload().disputeId();
        assertThat(UUID.fromString(disputeId).toString()).isEqualTo(disputeId);
        assertThat(sent.getPayload()).isEqualTo(new DisputeClaim(claimId, disputeId, REASON,
                List.of(new Evidence("https://example.org/terms", null, LocalDate.of(2026, 11, 20), null))));
        assertThat(sent.getMetaData())
                .containsEntry(LedgerMetaData.ACTOR_ID, subject("bob"))
                .containsEntry(LedgerMetaData.REASON, "Disputed claim " + claimId);
        assertThat(response.getHeader("Location")).isEqualTo("/api/disputes/" + disputeId);

        JsonObject dispute = response.bodyAsJsonObject();
        assertThat(dispute.getString("disputeId")).isEqualTo(disputeId);
        assertThat(dispute.getString("claimId")).isEqualTo(claimId);
        assertThat(dispute.getString("state")).isEqualTo("OPEN");
        assertThat(dispute.getString("disputerId")).isEqualTo(subject("bob"));
        assertThat(dispute.getString("reason")).isEqualTo(REASON);

        assertThat(gateway.getNow("/api/disputes/" + disputeId).bodyAsJsonObject()).isEqualTo(dispute);
        assertThat(gateway.getNow("/api/claims/" + claimId + "/disputes").bodyAsJsonArray()).containsExactly(dispute);
        assertThat(gateway.getNow("/api/claims/" + claimId).bodyAsJsonObject().getString("openDisputeId"))
                .isEqualTo(disputeId);
    }

    @Test
    void aModeratorTakesAndDecidesAndTheDisputerAppeals() {
        String disputeId = disputed("bob");

        // a bare POST: the body of take is optional
        HttpResponse<Buffer> taken = await(gateway.post("/api/disputes/" + disputeId + "/take", "mia").send());
        assertThat(taken.statusCode()).as(taken.bodyAsString()).isEqualTo(200);
        assertThat(taken.getHeader("Location")).isEqualTo("/api/disputes/" + disputeId);
        assertThat(taken.bodyAsJsonObject().getString("state")).isEqualTo("TAKEN");
        assertThat(taken.bodyAsJsonObject().getString("ownerId")).isEqualTo(subject("mia"));
        CommandMessage<TakeDispute> take = gateway.ledger.received(TakeDispute.class).get(0);
        assertThat(take.getPayload()).isEqualTo(new TakeDispute(disputeId, false));
        assertThat(take.getMetaData())
                .containsEntry(LedgerMetaData.REASON, "Took dispute " + disputeId)
                .containsEntry(LedgerMetaData.ACTOR_ROLES, "moderator,reviewer");

        HttpResponse<Buffer> decided = gateway.postJson("/api/disputes/" + disputeId + "/resolution", "mia",
                new JsonObject().put("decision", "overturn").put("rationale", "Section 2 forbids commercial use."));
        assertThat(decided.statusCode()).as(decided.bodyAsString()).isEqualTo(200);
        JsonObject decision = decided.bodyAsJsonObject().getJsonArray("decisions").getJsonObject(0);
        assertThat(decided.bodyAsJsonObject().getString("state")).isEqualTo("DECIDED");
        assertThat(decision.getString("decision")).isEqualTo("overturn");
        assertThat(decision.getString("rationale")).isEqualTo("Section 2 forbids commercial use.");
        assertThat(decision.getString("moderatorId")).isEqualTo(subject("mia"));
        CommandMessage<ResolveDispute> resolve = gateway.ledger.received(ResolveDispute.class).get(0);
        assertThat(resolve.getPayload()).isEqualTo(new ResolveDispute(disputeId, DisputeDecision.OVERTURN,
                "Section 2 forbids commercial use."));
        assertThat(resolve.getMetaData()).containsEntry(LedgerMetaData.REASON, "Decided dispute " + disputeId + ": overturn");

        HttpResponse<Buffer> appealed = gateway.postJson("/api/disputes/" + disputeId + "/appeal", "bob",
                new JsonObject().put("reason", "Release 1.0 shipped under the old terms."));
        assertThat(appealed.statusCode()).as(appealed.bodyAsString()).isEqualTo(200);
        assertThat(appealed.bodyAsJsonObject().getString("state")).isEqualTo("APPEALED");
        assertThat(appealed.bodyAsJsonObject().getJsonObject("appeal").getString("appellantId")).isEqualTo(subject("bob"));
        CommandMessage<AppealDispute> appeal = gateway.ledger.received(AppealDispute.class).get(0);
        assertThat(appeal.getPayload()).isEqualTo(new AppealDispute(disputeId, "Release 1.0 shipped under the old terms."));
        assertThat(appeal.getMetaData()).containsEntry(LedgerMetaData.REASON,
                "Appealed dispute " + disputeId);
        assertThat(gateway.getNow("/api/disputes/" + disputeId).bodyAsJsonObject()).isEqualTo(appealed.bodyAsJsonObject());
    }

    @Test
    void takingADisputeAnotherModeratorOwnsNeedsTakeOver() {
        String disputeId = disputed("bob");
        assertThat(await(gateway.post("/api/disputes/" + disputeId + "/take", "mia").send()).statusCode()).isEqualTo(200);

        JsonObject conflict = assertProblem(gateway.postJson("/api/disputes/" + disputeId + "/take", "noah",
                new JsonObject()), 409);
        assertThat(conflict.getString("detail")).contains("takeOver");

        HttpResponse<Buffer> takenOver = gateway.postJson("/api/disputes/" + disputeId + "/take", "noah",
                new JsonObject().put("takeOver", true).put("reason", "Mia is away this week"));
        assertThat(takenOver.statusCode()).as(takenOver.bodyAsString()).isEqualTo(200);
        assertThat(takenOver.bodyAsJsonObject().getString("ownerId")).isEqualTo(subject("noah"));
        CommandMessage<TakeDispute> sent = gateway.ledger.received(TakeDispute.class).get(2);
        assertThat(sent.getPayload()).isEqualTo(new TakeDispute(disputeId, true));
        assertThat(sent.getMetaData()).containsEntry(LedgerMetaData.REASON, "Mia is away this week");
    }

    @Test
    void aTakeThatHitsAConcurrentChangeIsRetriedAndDecidedAgain() {
        String first = disputed("bob");
        gateway.ledger.failFirst(TakeDispute.class, 2, () -> new ConcurrencyException("sequence 2 of " + first + " taken"));

        HttpResponse<Buffer> taken = await(gateway.post("/api/disputes/" + first + "/take", "mia").send());

        assertThat(taken.statusCode()).as(taken.bodyAsString()).isEqualTo(200);
        assertThat(gateway.ledger.received(TakeDispute.class)).hasSize(3);

        // the moderator who lost the race: the retry finds the dispute owned, and that is a conflict
        gateway.ledger.failFirst(TakeDispute.class, 1, () -> new ConcurrencyException("sequence 3 of " + first + " taken"));
        JsonObject lost = assertProblem(await(gateway.post("/api/disputes/" + first + "/take", "noah").send()), 409);
        assertThat(lost.getString("detail")).contains("Another moderator owns");
        assertThat(gateway.getNow("/api/disputes/" + first).bodyAsJsonObject().getString("ownerId"))
                .isEqualTo(subject("mia"));
    }

    @Test
    void theModerationQueueListsWaitingDisputesAndFiltersByState() {
        String open = disputed("bob");
        String other = disputed("bob", gateway.proposedClaim("alice"));
        await(gateway.post("/api/disputes/" + other + "/take", "mia").send());

        HttpResponse<Buffer> all = queue("");
        assertThat(all.statusCode()).as(all.bodyAsString()).isEqualTo(200);
        assertThat(all.getHeader("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(ids(all)).containsExactly(open, other);
        assertThat(all.bodyAsJsonArray().getJsonObject(1).getString("ownerId")).isEqualTo(subject("mia"));
        assertThat(ids(queue("?state=open"))).containsExactly(open);
        assertThat(ids(queue("?state=taken"))).containsExactly(other);
        assertThat(ids(queue("?state=appealed"))).isEmpty();
    }

    @Test
    void unknownDisputesAndClaimsAreNotFound() {
        String unknown = UUID.randomUUID().toString();

        assertThat(assertProblem(gateway.getNow("/api/disputes/" + unknown), 404).getString("detail")).contains(unknown);
        assertProblem(gateway.getNow("/api/claims/" + unknown + "/disputes"), 404);
        // the write side does not know them (AggregateNotFoundException)
        String noDispute = "There is no dispute with id '" + unknown + "'.";
        assertThat(assertProblem(await(gateway.post("/api/disputes/" + unknown + "/take", "mia").send()), 404)
                .getString("detail")).isEqualTo(noDispute);
        assertThat(assertProblem(gateway.postJson("/api/disputes/" + unknown + "/resolution", "mia",
                new JsonObject().put("decision", "uphold").put("rationale", "Fine as it is.")), 404)
                .getString("detail")).isEqualTo(noDispute);
        assertThat(assertProblem(gateway.postJson("/api/disputes/" + unknown + "/appeal", "bob",
                new JsonObject().put("reason", "Please look again.")), 404).getString("detail")).isEqualTo(noDispute);
        assertThat(assertProblem(gateway.postJson("/api/claims/" + unknown + "/disputes", "bob",
                new JsonObject().put("reason", REASON).put("evidence", new JsonArray().add(evidence("https://example.org")))),
                404).getString("detail")).isEqualTo("There is no claim with id '" + unknown + "'.");
    }

    @Test
    void theDomainsOwnRulesComeBackAsProblems() {
        // alice proposed the claim: disputing it is hers to refuse
        JsonObject own = assertProblem(gateway.postJson("/api/claims/" + claimId + "/disputes", "alice",
                new JsonObject().put("reason", REASON).put("evidence", new JsonArray().add(evidence("https://example.org")))),
                403);
        assertThat(own.getString("detail")).isEqualTo("You proposed this claim, so you cannot dispute it.");
        String disputeId = disputed("bob");
        assertProblem(gateway.postJson("/api/claims/" + claimId + "/disputes", "carol",
                new JsonObject().put("reason", REASON).put("evidence", new JsonArray().add(evidence("https://example.org")))),
                409);
        // mia is a moderator but does not own it; carol is neither author nor disputer; nothing is decided yet
        assertProblem(gateway.postJson("/api/disputes/" + disputeId + "/resolution", "mia",
                new JsonObject().put("decision", "uphold").put("rationale", "Fine as it is.")), 403);
        assertProblem(gateway.postJson("/api/disputes/" + disputeId + "/appeal", "carol",
                new JsonObject().put("reason", "Please look again.")), 403);
        assertProblem(gateway.postJson("/api/disputes/" + disputeId + "/appeal", "bob",
                new JsonObject().put("reason", "Please look again.")), 409);

        assertThat(gateway.getNow("/api/disputes/" + disputeId).bodyAsJsonObject().getString("state")).isEqualTo("OPEN");
    }

    @ParameterizedTest(name = "{0} refused as {1} is {2}")
    @CsvSource({
            "postArgument, CONFLICT, 409", "editArgument, INVALID, 422", "disputeClaim, FORBIDDEN, 403",
            "takeDispute, CONFLICT, 409", "resolveDispute, INVALID, 422", "appealDispute, NOT_FOUND, 404",
            "disputeClaim, INVALID, 422", "takeDispute, NOT_FOUND, 404", "resolveDispute, FORBIDDEN, 403",
            "appealDispute, CONFLICT, 409"})
    void commandRejectedFromTheNewCommandsMapsToItsStatusWithTheDomainsMessage(String operation,
                                                                                CommandRejected.Reason reason, int status) {
        String message = "Refused " + operation + " because " + reason.name().toLowerCase() + ".";
        String someId = UUID.randomUUID().toString();
        HttpResponse<Buffer> response = switch (operation) {
            case "postArgument" -> refusing(PostArgument.class, reason, message, "/api/claims/" + claimId + "/arguments",
                    "bob", new JsonObject().put("stance", "pro").put("text", "Agreed."));
            case "editArgument" -> refusing(EditArgument.class, reason, message,
                    "/api/claims/" + claimId + "/arguments/" + someId + "/revisions", "bob",
                    new JsonObject().put("text", "Same as before."));
            case "disputeClaim" -> refusing(DisputeClaim.class, reason, message, "/api/claims/" + claimId + "/disputes",
                    "bob", new JsonObject().put("reason", REASON)
                            .put("evidence", new JsonArray().add(evidence("https://example.org"))));
            case "takeDispute" -> refusing(TakeDispute.class, reason, message, "/api/disputes/" + someId + "/take",
                    "mia", new JsonObject());
            case "resolveDispute" -> refusing(ResolveDispute.class, reason, message,
                    "/api/disputes/" + someId + "/resolution", "mia",
                    new JsonObject().put("decision", "uphold").put("rationale", "Fine as it is."));
            case "appealDispute" -> refusing(AppealDispute.class, reason, message, "/api/disputes/" + someId + "/appeal",
                    "bob", new JsonObject().put("reason", "Please look again."));
            default -> throw new IllegalArgumentException(operation);
        };

        assertThat(assertProblem(response, status).getString("detail")).isEqualTo(message);
    }

    private <C> HttpResponse<Buffer> refusing(Class<C> command, CommandRejected.Reason reason, String message,
                                              String path, String user, JsonObject body) {
        gateway.ledger.onCommand(command, sent -> {
            throw new CommandRejected(reason, message);
        });
        HttpResponse<Buffer> response = gateway.postJson(path, user, body);
        assertThat(gateway.ledger.received(command)).hasSize(1);
        return response;
    }

    private String disputed(String user) {
        return disputed(user, claimId);
    }

    private String disputed(String user, String claim) {
        HttpResponse<Buffer> response = gateway.postJson("/api/claims/" + claim + "/disputes", user,
                new JsonObject().put("reason", REASON).put("evidence", new JsonArray().add(evidence("https://example.org"))));
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
        return response.bodyAsJsonObject().getString("disputeId");
    }

    private HttpResponse<Buffer> queue(String query) {
        return await(gateway.get("/api/moderation/queue" + query)
                .bearerTokenAuthentication(RealmTokens.accessToken("mia")).send());
    }

    private static List<String> ids(HttpResponse<Buffer> queue) {
        assertThat(queue.statusCode()).as(queue.bodyAsString()).isEqualTo(200);
        return queue.bodyAsJsonArray().stream().map(item -> ((JsonObject) item).getString("id")).toList();
    }

    private static String subject(String user) {
        return RealmTokens.claims(RealmTokens.accessToken(user)).getString("sub");
    }
}
