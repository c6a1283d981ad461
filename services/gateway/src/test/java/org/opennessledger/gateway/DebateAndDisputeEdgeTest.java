package org.opennessledger.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opennessledger.gateway.support.Problems.assertProblem;
import static org.opennessledger.gateway.support.Problems.pointers;
import static org.opennessledger.gateway.support.TestGateway.await;
import static org.opennessledger.gateway.support.TestGateway.evidence;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opennessledger.gateway.support.RealmTokens;
import org.opennessledger.gateway.support.TestGateway;

/**
 * Debate and dispute requests the gateway itself refuses: bodies that break openapi.yaml (400),
 * no token (401), no moderator role where one is needed (403). None of them reaches the domain.
 */
@ExtendWith(VertxExtension.class)
class DebateAndDisputeEdgeTest {

    private static final String CLAIM = "/api/claims/" + UUID.randomUUID();
    private static final String DISPUTE = "/api/disputes/" + UUID.randomUUID();

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
    void argumentTextOver10000CharactersIsRefused() {
        String tooLong = "x".repeat(10_001);

        assertThat(pointers(invalid(CLAIM + "/arguments", "bob", new JsonObject().put("stance", "pro").put("text", tooLong))))
                .containsExactly("/text");
        assertThat(pointers(invalid(CLAIM + "/arguments/" + UUID.randomUUID() + "/revisions", "bob",
                new JsonObject().put("text", tooLong)))).containsExactly("/text");
    }

    @Test
    void blankOrMissingArgumentTextIsRefused() {
        assertThat(pointers(invalid(CLAIM + "/arguments", "bob", new JsonObject().put("stance", "pro").put("text", " \n\t"))))
                .containsExactly("/text");
        assertThat(pointers(invalid(CLAIM + "/arguments", "bob", new JsonObject().put("stance", "pro"))))
                .containsExactly("/text");
        assertThat(pointers(invalid(CLAIM + "/arguments/" + UUID.randomUUID() + "/revisions", "bob", new JsonObject())))
                .containsExactly("/text");
    }

    @Test
    void stanceOutsideProConQuestionIsRefused() {
        for (String stance : new String[] {"maybe", "PRO", ""}) {
            assertThat(pointers(invalid(CLAIM + "/arguments", "bob",
                    new JsonObject().put("stance", stance).put("text", "Agreed.")))).as(stance).containsExactly("/stance");
        }
        assertThat(pointers(invalid(CLAIM + "/arguments", "bob", new JsonObject().put("text", "Agreed."))))
                .containsExactly("/stance");
    }

    @Test
    void parentArgumentIdMustBeAUuid() {
        JsonObject problem = invalid(CLAIM + "/arguments", "bob", new JsonObject().put("stance", "con")
                .put("parentArgumentId", "first-argument").put("text", "Disagree."));

        assertThat(pointers(problem)).containsExactly("/parentArgumentId");
    }

    @Test
    void argumentEvidenceIsCheckedAndLimitedTo20Items() {
        JsonArray many = new JsonArray();
        for (int i = 0; i < 21; i++) {
            many.add(evidence("https://example.org/" + i));
        }
        assertThat(pointers(invalid(CLAIM + "/arguments", "bob",
                new JsonObject().put("stance", "pro").put("text", "Sources.").put("evidence", many))))
                .containsExactly("/evidence");
        assertThat(pointers(invalid(CLAIM + "/arguments", "bob", new JsonObject().put("stance", "pro")
                .put("text", "Sources.").put("evidence", new JsonArray().add(evidence("javascript:alert(1)"))))))
                .containsExactly("/evidence/0/url");
        assertThat(pointers(invalid(CLAIM + "/arguments", "bob", new JsonObject().put("stance", "pro")
                .put("text", "Sources.").put("argumentId", UUID.randomUUID().toString()))))
                .containsExactly("/argumentId");
    }

    @Test
    void aDisputeNeedsEvidence() {
        assertThat(pointers(invalid(CLAIM + "/disputes", "bob", new JsonObject().put("reason", "Wrong status."))))
                .containsExactly("/evidence");
        assertThat(pointers(invalid(CLAIM + "/disputes", "bob",
                new JsonObject().put("reason", "Wrong status.").put("evidence", new JsonArray()))))
                .containsExactly("/evidence");
        JsonArray many = new JsonArray();
        for (int i = 0; i < 21; i++) {
            many.add(evidence("https://example.org/" + i));
        }
        assertThat(pointers(invalid(CLAIM + "/disputes", "bob",
                new JsonObject().put("reason", "Wrong status.").put("evidence", many)))).containsExactly("/evidence");
    }

    @Test
    void aDisputeReasonIsRequiredNonBlankAndAtMost5000Characters() {
        JsonArray one = new JsonArray().add(evidence("https://example.org/terms"));
        for (String reason : new String[] {"", "   ", "r".repeat(5_001)}) {
            assertThat(pointers(invalid(CLAIM + "/disputes", "bob",
                    new JsonObject().put("reason", reason).put("evidence", one)))).as(reason).containsOnly("/reason");
        }
        assertThat(pointers(invalid(CLAIM + "/disputes", "bob", new JsonObject().put("evidence", one))))
                .containsExactly("/reason");
    }

    @Test
    void aDecisionIsUpholdOrOverturnWithARationaleOfAtMost10000Characters() {
        assertThat(pointers(invalid(DISPUTE + "/resolution", "mia",
                new JsonObject().put("decision", "reverse").put("rationale", "Because.")))).containsExactly("/decision");
        assertThat(pointers(invalid(DISPUTE + "/resolution", "mia",
                new JsonObject().put("decision", "UPHOLD").put("rationale", "Because.")))).containsExactly("/decision");
        assertThat(pointers(invalid(DISPUTE + "/resolution", "mia", new JsonObject().put("decision", "uphold"))))
                .containsExactly("/rationale");
        assertThat(pointers(invalid(DISPUTE + "/resolution", "mia",
                new JsonObject().put("decision", "uphold").put("rationale", "r".repeat(10_001)))))
                .containsExactly("/rationale");
    }

    @Test
    void anAppealReasonIsRequiredAndAtMost5000Characters() {
        assertThat(pointers(invalid(DISPUTE + "/appeal", "bob", new JsonObject()))).containsExactly("/reason");
        assertThat(pointers(invalid(DISPUTE + "/appeal", "bob", new JsonObject().put("reason", "r".repeat(5_001)))))
                .containsExactly("/reason");
    }

    @Test
    void takeOverIsABoolean() {
        assertThat(pointers(invalid(DISPUTE + "/take", "mia", new JsonObject().put("takeOver", "yes"))))
                .containsExactly("/takeOver");
    }

    @Test
    void aQueueStateOutsideOpenTakenAppealedIsRefused() {
        HttpResponse<Buffer> response = await(gateway.get("/api/moderation/queue?state=closed")
                .bearerTokenAuthentication(RealmTokens.accessToken("mia")).send());

        assertThat(pointers(assertProblem(response, 400))).containsExactly("query parameter state");
    }

    @Test
    void takingAndDecidingDisputesAndReadingTheQueueNeedTheModeratorRole() {
        JsonObject decision = new JsonObject().put("decision", "uphold").put("rationale", "Fine as it is.");
        for (String user : new String[] {"bob", "ada", "paul"}) {
            JsonObject take = assertProblem(gateway.postJson(DISPUTE + "/take", user, new JsonObject()), 403);
            assertThat(take.getString("detail")).as(user).isEqualTo("Taking a dispute needs the role 'moderator'.");
            JsonObject resolve = assertProblem(gateway.postJson(DISPUTE + "/resolution", user, decision), 403);
            assertThat(resolve.getString("detail")).as(user).isEqualTo("Deciding a dispute needs the role 'moderator'.");
            JsonObject queue = assertProblem(await(gateway.get("/api/moderation/queue")
                    .bearerTokenAuthentication(RealmTokens.accessToken(user)).send()), 403);
            assertThat(queue.getString("detail")).as(user).contains("moderator");
        }
    }

    @Test
    void anonymousRequestsGet401WithABearerChallenge() {
        JsonArray one = new JsonArray().add(evidence("https://example.org/terms"));
        String[][] writes = {
                {CLAIM + "/arguments", new JsonObject().put("stance", "pro").put("text", "Agreed.").encode()},
                {CLAIM + "/arguments/" + UUID.randomUUID() + "/revisions", new JsonObject().put("text", "Edit").encode()},
                {CLAIM + "/disputes", new JsonObject().put("reason", "Wrong.").put("evidence", one).encode()},
                {DISPUTE + "/take", "{}"},
                {DISPUTE + "/resolution", new JsonObject().put("decision", "uphold").put("rationale", "Fine.").encode()},
                {DISPUTE + "/appeal", new JsonObject().put("reason", "Look again.").encode()}};
        for (String[] write : writes) {
            HttpResponse<Buffer> response = await(gateway.post(write[0])
                    .putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer(write[1])));
            assertProblem(response, 401);
            assertThat(response.getHeader("WWW-Authenticate")).as(write[0]).isEqualTo("Bearer realm=\"openness\"");
        }
        HttpResponse<Buffer> queue = gateway.getNow("/api/moderation/queue");
        assertProblem(queue, 401);
        assertThat(queue.getHeader("WWW-Authenticate")).isEqualTo("Bearer realm=\"openness\"");
    }

    @Test
    void theDebateAndDisputeReadsNeedNoToken() {
        // public reads: the answers are 404 problems about what is missing, never 401
        assertProblem(gateway.getNow(CLAIM + "/arguments"), 404);
        assertProblem(gateway.getNow(CLAIM + "/arguments/" + UUID.randomUUID()), 404);
        assertProblem(gateway.getNow(CLAIM + "/disputes"), 404);
        assertProblem(gateway.getNow(DISPUTE), 404);
    }

    private JsonObject invalid(String path, String user, JsonObject body) {
        return assertProblem(gateway.postJson(path, user, body), 400);
    }
}
