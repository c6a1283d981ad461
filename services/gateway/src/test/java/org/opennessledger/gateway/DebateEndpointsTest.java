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
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.CommandMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opennessledger.contracts.debate.EditArgument;
import org.opennessledger.contracts.debate.PostArgument;
import org.opennessledger.contracts.values.Evidence;
import org.opennessledger.contracts.values.LedgerMetaData;
import org.opennessledger.contracts.values.Stance;
import org.opennessledger.gateway.support.RealmTokens;
import org.opennessledger.gateway.support.TestGateway;

/** A claim's debate over HTTP: posting, replying, editing, reading, and user text kept inert. */
@ExtendWith(VertxExtension.class)
class DebateEndpointsTest {

    private TestGateway gateway;
    private String claimId;

    @BeforeEach
    void start(Vertx vertx) {
        gateway = TestGateway.start(vertx);
        claimId = gateway.proposedClaim("alice");
    }

    @Test
    void postingAnArgumentAnswers201WithItsLocationAndTheArgumentLaterReadsShow() {
        String text = "The weights are gated behind a form.\n\n  * see section 2  ";

        HttpResponse<Buffer> response = gateway.postJson(arguments(), "bob", new JsonObject().put("stance", "con")
                .put("text", text).put("evidence", new JsonArray().add(evidence("https://example.org/terms"))));

        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
        CommandMessage<PostArgument> sent = gateway.ledger.received(PostArgument.class).get(0);
        String argumentId = sent.getPayload().argumentId();
        assertThat(UUID.fromString(argumentId).toString()).isEqualTo(argumentId);
        // the text goes to the domain exactly as given: not trimmed, not escaped
        assertThat(sent.getPayload()).isEqualTo(new PostArgument(claimId, argumentId, null, Stance.CON, text,
                List.of(new Evidence("https://example.org/terms", null, LocalDate.of(2026, 11, 20), null))));
        String bob = subject("bob");
        assertThat(sent.getMetaData())
                .containsEntry(LedgerMetaData.ACTOR_ID, bob)
                .containsEntry(LedgerMetaData.REASON, "Posted a con argument on claim " + claimId);
        assertThat(response.getHeader("Location")).isEqualTo("/api/claims/" + claimId + "/arguments/" + argumentId);

        JsonObject argument = response.bodyAsJsonObject();
        assertThat(argument.getString("argumentId")).isEqualTo(argumentId);
        assertThat(argument.getString("claimId")).isEqualTo(claimId);
        assertThat(argument.getString("stance")).isEqualTo("con");
        assertThat(argument.getString("text")).isEqualTo(text);
        assertThat(argument.getString("authorId")).isEqualTo(bob);
        assertThat(argument.getInteger("revision")).isEqualTo(1);
        assertThat(argument.getJsonArray("revisions")).hasSize(1);

        assertThat(gateway.getNow(response.getHeader("Location")).bodyAsJsonObject()).isEqualTo(argument);
        assertThat(gateway.getNow(arguments()).bodyAsJsonArray()).containsExactly(argument);
    }

    @Test
    void aReplyNamesItsParentAndTheDebateListsBothOldestFirst() {
        String parentId = posted("bob", "con", "The weights are gated.");

        HttpResponse<Buffer> reply = gateway.postJson(arguments(), "carol", new JsonObject().put("stance", "question")
                .put("parentArgumentId", parentId).put("text", "Gated how?").put("reason", "Asking for the form"));

        assertThat(reply.statusCode()).as(reply.bodyAsString()).isEqualTo(201);
        assertThat(reply.bodyAsJsonObject().getString("parentArgumentId")).isEqualTo(parentId);
        CommandMessage<PostArgument> sent = gateway.ledger.received(PostArgument.class).get(1);
        assertThat(sent.getPayload().parentArgumentId()).isEqualTo(parentId);
        assertThat(sent.getPayload().stance()).isEqualTo(Stance.QUESTION);
        assertThat(sent.getMetaData()).containsEntry(LedgerMetaData.REASON, "Asking for the form");

        JsonArray debate = gateway.getNow(arguments()).bodyAsJsonArray();
        assertThat(debate).hasSize(2);
        assertThat(debate.getJsonObject(0).getString("argumentId")).isEqualTo(parentId);
        assertThat(debate.getJsonObject(0).getInteger("replyCount")).isEqualTo(1);
        assertThat(debate.getJsonObject(1)).isEqualTo(reply.bodyAsJsonObject());
    }

    @Test
    void replyingToAnArgumentTheClaimDoesNotHaveIsNotFound() {
        String missing = UUID.randomUUID().toString();

        JsonObject problem = assertProblem(gateway.postJson(arguments(), "bob", new JsonObject().put("stance", "pro")
                .put("parentArgumentId", missing).put("text", "Agreed.")), 404);

        assertThat(problem.getString("detail")).contains(missing);
        assertThat(gateway.getNow(arguments()).bodyAsJsonArray()).isEmpty();
    }

    @Test
    void editingAddsARevisionAndAnswers200WithTheArgument() {
        String argumentId = posted("bob", "con", "The weights are gated behind a form.");

        HttpResponse<Buffer> edited = gateway.postJson(argument(argumentId) + "/revisions", "bob",
                new JsonObject().put("text", "The weights need an accepted access request."));

        assertThat(edited.statusCode()).as(edited.bodyAsString()).isEqualTo(200);
        CommandMessage<EditArgument> sent = gateway.ledger.received(EditArgument.class).get(0);
        assertThat(sent.getPayload()).isEqualTo(new EditArgument(claimId, argumentId,
                "The weights need an accepted access request.", List.of()));
        assertThat(sent.getMetaData()).containsEntry(LedgerMetaData.REASON, "Edited argument " + argumentId);
        JsonObject argument = edited.bodyAsJsonObject();
        assertThat(argument.getInteger("revision")).isEqualTo(2);
        assertThat(argument.getString("text")).isEqualTo("The weights need an accepted access request.");
        // the first wording stays readable
        assertThat(argument.getJsonArray("revisions").getJsonObject(0).getString("text"))
                .isEqualTo("The weights are gated behind a form.");
        assertThat(gateway.getNow(argument(argumentId)).bodyAsJsonObject()).isEqualTo(argument);
    }

    @Test
    void theDomainsRefusalToEditSomeoneElsesArgumentIsA403AndAnUnknownArgumentA404() {
        String argumentId = posted("bob", "con", "The weights are gated.");

        JsonObject forbidden = assertProblem(gateway.postJson(argument(argumentId) + "/revisions", "carol",
                new JsonObject().put("text", "Rewritten by someone else")), 403);
        assertThat(forbidden.getString("detail")).isEqualTo("Only the author of an argument may edit it.");
        assertProblem(gateway.postJson(argument(UUID.randomUUID().toString()) + "/revisions", "bob",
                new JsonObject().put("text", "Edit of nothing")), 404);

        assertThat(gateway.getNow(argument(argumentId)).bodyAsJsonObject().getInteger("revision")).isEqualTo(1);
    }

    @Test
    void argumentsOfAnUnknownClaimOrUnknownArgumentsAreNotFound() {
        String unknownClaim = UUID.randomUUID().toString();

        JsonObject listing = assertProblem(gateway.getNow("/api/claims/" + unknownClaim + "/arguments"), 404);
        assertThat(listing.getString("detail")).contains(unknownClaim);
        assertProblem(gateway.getNow(argument(UUID.randomUUID().toString())), 404);
        // the write side does not know the claim (AggregateNotFoundException)
        JsonObject posting = assertProblem(gateway.postJson("/api/claims/" + unknownClaim + "/arguments", "bob",
                new JsonObject().put("stance", "pro").put("text", "Agreed.")), 404);
        assertThat(posting.getString("detail")).isEqualTo("There is no claim with id '" + unknownClaim + "'.");
    }

    @Test
    void scriptInArgumentTextIsReturnedByteForByteInsideJsonNeverAsHtml() {
        String text = "<script>alert(document.cookie)</script><img src=x onerror=alert(1)> & </textarea>";

        HttpResponse<Buffer> posted = gateway.postJson(arguments(), "bob",
                new JsonObject().put("stance", "con").put("text", text));

        assertThat(posted.statusCode()).as(posted.bodyAsString()).isEqualTo(201);
        assertThat(gateway.ledger.received(PostArgument.class).get(0).getPayload().text()).isEqualTo(text);
        String argumentId = posted.bodyAsJsonObject().getString("argumentId");
        for (HttpResponse<Buffer> answer : List.of(posted, gateway.getNow(arguments()),
                gateway.getNow(argument(argumentId)))) {
            assertThat(answer.getHeader("Content-Type")).isEqualTo("application/json; charset=utf-8");
            assertThat(answer.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(answer.getHeader("Content-Security-Policy")).startsWith("default-src 'none'");
            // the very bytes of the text, as a JSON string: not HTML-escaped, not rendered
            assertThat(answer.body().toString(StandardCharsets.UTF_8)).contains("\"text\":\"" + text + "\"");
        }
        assertThat(gateway.getNow(argument(argumentId)).bodyAsJsonObject().getString("text")).isEqualTo(text);
    }

    @Test
    void textOfExactly10000CharactersIsAccepted() {
        String text = "x".repeat(10_000);

        HttpResponse<Buffer> response = gateway.postJson(arguments(), "bob",
                new JsonObject().put("stance", "pro").put("text", text));

        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
        assertThat(response.bodyAsJsonObject().getString("text")).isEqualTo(text);
    }

    private String posted(String user, String stance, String text) {
        HttpResponse<Buffer> response = await(gateway.post(arguments(), user)
                .sendJsonObject(new JsonObject().put("stance", stance).put("text", text)));
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
        return response.bodyAsJsonObject().getString("argumentId");
    }

    private String arguments() {
        return "/api/claims/" + claimId + "/arguments";
    }

    private String argument(String argumentId) {
        return arguments() + "/" + argumentId;
    }

    private static String subject(String user) {
        return RealmTokens.claims(RealmTokens.accessToken(user)).getString("sub");
    }
}
