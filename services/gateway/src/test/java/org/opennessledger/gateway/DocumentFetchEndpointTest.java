package org.opennessledger.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opennessledger.gateway.support.Problems.assertProblem;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.CommandMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opennessledger.contracts.documents.AddDocumentVersion;
import org.opennessledger.contracts.documents.DocumentVersionResult;
import org.opennessledger.contracts.queries.Queries;
import org.opennessledger.contracts.values.DocumentIds;
import org.opennessledger.contracts.values.LedgerMetaData;
import org.opennessledger.contracts.views.DocumentVersionView;
import org.opennessledger.gateway.fetch.AddressPolicy;
import org.opennessledger.gateway.fetch.PublicAddressPolicy;
import org.opennessledger.gateway.support.InMemoryLedger;
import org.opennessledger.gateway.support.RealmTokens;
import org.opennessledger.gateway.support.TestGateway;

/**
 * POST /api/documents/fetch: with fetching on, a reviewer's fetch becomes the AddDocumentVersion a pasted
 * text would (201 for a new version, 200 for the same text again); refusals send no command, and
 * people who may not add documents make the gateway fetch nothing. The source is a server on
 * 127.0.0.1, the one address the test's policy admits besides public ones.
 */
@ExtendWith(VertxExtension.class)
class DocumentFetchEndpointTest {

    private static final AddressPolicy THE_LOCAL_SOURCE = address ->
            "127.0.0.1".equals(address.getHostAddress()) ? Optional.empty()
                    : PublicAddressPolicy.INSTANCE.refusal(address);
    private static final String LICENCE = "Sample Licence\n1. Services above 500 million monthly users need a licence.\n";

    private final AtomicInteger sourceHits = new AtomicInteger();
    private TestGateway gateway;
    private int sourcePort;

    @BeforeEach
    void start(Vertx vertx) {
        sourcePort = vertx.createHttpServer().requestHandler(request -> {
            sourceHits.incrementAndGet();
            if (request.path().equals("/licence.txt")) {
                request.response().putHeader("Content-Type", "text/plain; charset=utf-8").end(LICENCE);
            } else {
                request.response().putHeader("Content-Type", "text/html").end("<html></html>");
            }
        }).listen(0, "127.0.0.1").await().actualPort();
        InMemoryLedger ledger = new InMemoryLedger();
        gateway = TestGateway.start(vertx, ledger, List.of(),
                TestGateway.settings(RealmTokens.keycloakUrl(), "ledger-api")
                        .withDocumentFetch(true), THE_LOCAL_SOURCE);
        // the document's rules in brief: a new text is the next version, the latest text again is not
        ledger.onCommand(AddDocumentVersion.class, message -> {
            List<CommandMessage<AddDocumentVersion>> all = ledger.received(AddDocumentVersion.class);
            boolean same = all.size() > 1 && all.get(all.size() - 2).getPayload().text()
                    .equals(message.getPayload().text());
            return new DocumentVersionResult(1, !same);
        });
        ledger.onQuery(Queries.GetDocumentVersion.class, DocumentVersionView.class, q -> {
            AddDocumentVersion added = ledger.received(AddDocumentVersion.class).get(0).getPayload();
            return new DocumentVersionView(q.documentId(), q.version(), added.sourceUrl(), added.title(),
                    added.mediaType(), "sha256:x", added.retrievedAt(), "alice", Instant.now(), added.text());
        });
    }

    private String source(String path) {
        return "http://127.0.0.1:" + sourcePort + path;
    }

    private HttpResponse<Buffer> fetch(String user, String url) {
        return gateway.postJson("/api/documents/fetch", user, new JsonObject().put("sourceUrl", url)
                .put("title", "Sample Licence"));
    }

    @Test
    void aReviewersFetchIsAddedAsAPastedTextWouldBe() {
        Instant before = Instant.now();
        HttpResponse<Buffer> first = fetch("alice", source("/licence.txt"));

        assertThat(first.statusCode()).as(first.bodyAsString()).isEqualTo(201);
        String documentId = DocumentIds.forUrl(source("/licence.txt"));
        assertThat(first.getHeader("Location")).isEqualTo("/api/documents/" + documentId + "/versions/1");
        assertThat(first.bodyAsJsonObject().getString("text")).isEqualTo(LICENCE);
        CommandMessage<AddDocumentVersion> sent = gateway.ledger.received(AddDocumentVersion.class).get(0);
        AddDocumentVersion command = sent.getPayload();
        assertThat(command.documentId()).isEqualTo(documentId);
        assertThat(command.sourceUrl()).isEqualTo(source("/licence.txt"));
        assertThat(command.title()).isEqualTo("Sample Licence");
        assertThat(command.mediaType()).isEqualTo("text/plain");
        assertThat(command.text()).isEqualTo(LICENCE);
        assertThat(command.retrievedAt()).isBetween(before, Instant.now());
        assertThat(sent.getMetaData().get(LedgerMetaData.REASON)).isEqualTo("Fetched a snapshot of " + source("/licence.txt"));

        HttpResponse<Buffer> again = fetch("bob", source("/licence.txt"));
        assertThat(again.statusCode()).as(again.bodyAsString()).isEqualTo(200);
        assertThat(sourceHits.get()).isEqualTo(2);
    }

    @Test
    void refusalsSendNoCommand() {
        assertThat(assertProblem(fetch("alice", source("/page.html")), 415).getString("detail")).contains("text/html");
        // 127.0.0.2 is loopback, refused by the strict policy before any connection
        assertThat(assertProblem(fetch("alice", "http://127.0.0.2:" + sourcePort + "/licence.txt"), 422)
                .getString("detail")).contains("127.0.0.2 is in 127.0.0.0/8, loopback");
        assertProblem(gateway.postJson("/api/documents/fetch", "alice", new JsonObject()
                .put("sourceUrl", source("/licence.txt"))), 400);
        assertThat(gateway.ledger.received(AddDocumentVersion.class)).isEmpty();
        assertThat(sourceHits.get()).isEqualTo(1);
    }

    @Test
    void whoMayNotAddDocumentsMakesTheGatewayFetchNothing() {
        assertThat(assertProblem(fetch("paul", source("/licence.txt")), 403).getString("detail"))
                .contains("'reviewer' or 'admin'");
        assertProblem(TestGateway.await(gateway.post("/api/documents/fetch").sendJsonObject(
                new JsonObject().put("sourceUrl", source("/licence.txt")).put("title", "x"))), 401);
        assertThat(sourceHits.get()).isZero();
        assertThat(gateway.ledger.received(AddDocumentVersion.class)).isEmpty();
    }

    @Test
    void withFetchingSwitchedOffTheAnswerSaysSoAndNothingIsFetched(Vertx vertx) {
        TestGateway off = TestGateway.start(vertx);

        JsonObject problem = assertProblem(off.postJson("/api/documents/fetch", "alice",
                new JsonObject().put("sourceUrl", source("/licence.txt")).put("title", "x")), 403);

        assertThat(problem.getString("type")).isEqualTo("urn:openness-ledger:problem:document-fetch-disabled");
        assertThat(problem.getString("detail")).contains("POST /api/documents");
        assertThat(sourceHits.get()).isZero();
        assertThat(off.ledger.received(AddDocumentVersion.class)).isEmpty();
    }
}
