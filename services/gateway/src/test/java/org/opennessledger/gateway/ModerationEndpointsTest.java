package org.opennessledger.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opennessledger.gateway.support.Problems.assertProblem;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.util.UUID;
import org.axonframework.commandhandling.CommandMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opennessledger.contracts.moderation.FlagContent;
import org.opennessledger.contracts.moderation.FlagReason;
import org.opennessledger.contracts.moderation.HideContent;
import org.opennessledger.gateway.support.RealmTokens;
import org.opennessledger.gateway.support.TestGateway;

/** Flags and hiding over HTTP: what reaches the command bus, and what is refused at the edge. */
@ExtendWith(VertxExtension.class)
class ModerationEndpointsTest {

    private TestGateway gateway;
    private String claimId;

    @BeforeEach
    void start(Vertx vertx) {
        gateway = TestGateway.start(vertx);
        gateway.ledger.onCommand(FlagContent.class, message -> null);
        gateway.ledger.onCommand(HideContent.class, message -> null);
        claimId = gateway.proposedClaim("alice");
    }

    @Test
    void aFlagGetsAnIdFromTheGatewayAndAnswers201() {
        HttpResponse<Buffer> response = gateway.postJson("/api/flags", "paul", new JsonObject().put("claimId", claimId)
                .put("reason", "off-topic").put("text", "about another model <script>x</script>"));

        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
        CommandMessage<FlagContent> sent = gateway.ledger.received(FlagContent.class).get(0);
        String flagId = sent.getPayload().flagId();
        assertThat(UUID.fromString(flagId).toString()).isEqualTo(flagId);
        assertThat(sent.getPayload()).isEqualTo(new FlagContent(claimId, null, flagId, FlagReason.OFF_TOPIC,
                "about another model <script>x</script>"));
        assertThat(response.bodyAsJsonObject().getString("flagId")).isEqualTo(flagId);
        assertThat(response.bodyAsJsonObject().getString("reason")).isEqualTo("off-topic");
    }

    @Test
    void badFlagsAndAnonymousFlagsAreRefusedBeforeAnyCommand() {
        assertProblem(gateway.postJson("/api/flags", "bob", new JsonObject().put("claimId", claimId)
                .put("reason", "boring").put("text", "x")), 400);
        assertProblem(gateway.postJson("/api/flags", "bob", new JsonObject().put("claimId", claimId)
                .put("reason", "spam").put("text", "x".repeat(2001))), 400);
        assertProblem(TestGateway.await(gateway.post("/api/flags").sendJsonObject(new JsonObject()
                .put("claimId", claimId).put("reason", "spam").put("text", "x"))), 401);
        assertThat(gateway.ledger.received(FlagContent.class)).isEmpty();
    }

    @Test
    void onlyModeratorsHideAndTheirAnswerShowsTheItemAsModeratorsSeeIt() {
        assertProblem(gateway.postJson("/api/claims/" + claimId + "/hide", "carol",
                new JsonObject().put("reason", "spam")), 403);
        assertProblem(gateway.postJson("/api/claims/" + claimId + "/hide", "mia", new JsonObject()), 400);
        assertThat(gateway.ledger.received(HideContent.class)).isEmpty();

        HttpResponse<Buffer> hidden = gateway.postJson("/api/claims/" + claimId + "/hide", "mia",
                new JsonObject().put("reason", "an advert"));
        assertThat(hidden.statusCode()).as(hidden.bodyAsString()).isEqualTo(200);
        assertThat(gateway.ledger.received(HideContent.class).get(0).getPayload())
                .isEqualTo(new HideContent(claimId, null, "an advert"));
    }

    @Test
    void publicReadsTakeAnOptionalTokenButRefuseABadOne() {
        assertThat(TestGateway.await(gateway.get("/api/claims/" + claimId).send()).statusCode()).isEqualTo(200);
        assertThat(TestGateway.await(gateway.get("/api/claims/" + claimId).bearerTokenAuthentication(
                RealmTokens.accessToken("mia")).send()).statusCode()).isEqualTo(200);
        HttpResponse<Buffer> forged = TestGateway.await(gateway.get("/api/claims/" + claimId)
                .bearerTokenAuthentication("not-a-token").send());
        assertThat(forged.statusCode()).isEqualTo(401);
    }
}
