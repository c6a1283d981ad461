package org.opennessledger.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opennessledger.gateway.support.Problems.assertProblem;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import org.axonframework.commandhandling.CommandMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opennessledger.contracts.debate.PostProducerResponse;
import org.opennessledger.contracts.values.LedgerMetaData;
import org.opennessledger.gateway.support.RealmTokens;
import org.opennessledger.gateway.support.TestGateway;

/** The producer's organisation travels from the token to the command; non-producers are refused at the edge. */
@ExtendWith(VertxExtension.class)
class ProducerResponseEndpointTest {

    private TestGateway gateway;
    private String claimId;

    @BeforeEach
    void start(Vertx vertx) {
        gateway = TestGateway.start(vertx);
        gateway.ledger.onCommand(PostProducerResponse.class, message -> null);
        claimId = gateway.proposedClaim("alice");
    }

    @Test
    void aProducersResponseCarriesTheOrganisationFromTheTokenAndAnswers201WithTheClaim() {
        HttpResponse<Buffer> response = gateway.postJson("/api/claims/" + claimId + "/producer-response", "paul",
                new JsonObject().put("text", "<script>alert(1)</script> stays text"));

        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
        assertThat(response.getHeader("Location")).isEqualTo("/api/claims/" + claimId);
        CommandMessage<PostProducerResponse> sent = gateway.ledger.received(PostProducerResponse.class).get(0);
        assertThat(sent.getPayload())
                .isEqualTo(new PostProducerResponse(claimId, "<script>alert(1)</script> stays text", List.of()));
        assertThat(sent.getMetaData())
                .containsEntry(LedgerMetaData.ACTOR_ID, RealmTokens.claims(RealmTokens.accessToken("paul")).getString("sub"))
                .containsEntry(LedgerMetaData.PRODUCER_ORG, "Example Lab");
        assertThat(response.getHeader("Content-Type")).startsWith("application/json");
    }

    @Test
    void nonProducersAndBadBodiesAreRefusedBeforeAnyCommand() {
        assertProblem(gateway.postJson("/api/claims/" + claimId + "/producer-response", "bob",
                new JsonObject().put("text", "not a producer")), 403);
        assertProblem(TestGateway.await(gateway.post("/api/claims/" + claimId + "/producer-response")
                .sendJsonObject(new JsonObject().put("text", "anonymous"))), 401);
        assertProblem(gateway.postJson("/api/claims/" + claimId + "/producer-response", "paul",
                new JsonObject().put("text", "x").put("signature", "unknown property")), 400);
        assertProblem(gateway.postJson("/api/claims/" + claimId + "/producer-response", "paul",
                new JsonObject().put("text", "x".repeat(10_001))), 400);
        assertThat(gateway.ledger.received(PostProducerResponse.class)).isEmpty();
    }

    @Test
    void reviewersCommandsCarryNoProducerOrganisation() {
        gateway.postJson("/api/claims/" + claimId + "/reviews", "bob", new JsonObject().put("verdict", "agree"));
        assertThat(gateway.ledger.received.get(gateway.ledger.received.size() - 1).getMetaData())
                .doesNotContainKey(LedgerMetaData.PRODUCER_ORG);
    }
}
