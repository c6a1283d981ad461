package org.opennessledger.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opennessledger.platform.api.CoreLoopEndToEndTest.claimBody;
import static org.opennessledger.platform.api.CoreLoopEndToEndTest.eventually;
import static org.opennessledger.platform.api.CoreLoopEndToEndTest.propose;
import static org.opennessledger.platform.api.CoreLoopEndToEndTest.registerModelWithRelease;
import static org.opennessledger.platform.api.CoreLoopEndToEndTest.review;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opennessledger.platform.Platform;
import org.opennessledger.platform.TestEnvironment;
import org.opennessledger.platform.cli.LedgerCli;

/**
 * The hash chain on a platform of its own (so that its event store can be tampered with): every
 * stored event is chained, the head is public, verification holds; then one stored event row is
 * altered directly in the database and verification names exactly that event, through the API,
 * the command line, and the command line's local mode once the platform is stopped.
 */
class AuditChainEndToEndTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int cli(String... args) {
        return LedgerCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private static long storedEvents(Platform platform) throws Exception {
        return SnapshotEndToEndTest.count(platform, "DomainEventEntry");
    }

    @Test
    void everyEventIsChainedAndAnAlteredRowIsNamedByVerification() throws Exception {
        Path data = SharedPlatform.newDataDir();
        long alteredIndex;
        String alteredEvent;
        String headBefore;
        try (Platform platform = SharedPlatform.start(Map.of(), data)) {
            LedgerClient api = new LedgerClient(platform.httpPort());
            String modelId = registerModelWithRelease(api, "alice");
            String claimId = propose(api, "alice", claimBody(modelId, "base-7b", "open", "Apache-2.0", "weights open"));
            review(api, "bob", claimId, "agree", null);
            review(api, "carol", claimId, "agree", null);
            review(api, "dave", claimId, "agree", null);
            long events = storedEvents(platform);
            JsonNode head = eventually(() -> api.get("/api/audit/head").body(),
                    h -> h.get("position").asLong() == events);
            assertThat(head.get("algorithm").asText()).isEqualTo("sha-256/ledger-chain-1");
            assertThat(head.get("link").asText()).matches("[0-9a-f]{64}");
            assertThat(api.get("/api/audit/head").header("Cache-Control")).isEqualTo("no-store");
            headBefore = head.get("link").asText();

            JsonNode verified = api.get("/api/admin/audit/verification?expectedLink=" + headBefore, "ada").body();
            assertThat(verified.get("ok").asBoolean()).as(verified.toString()).isTrue();
            assertThat(verified.get("checked").asLong()).isEqualTo(events);
            assertThat(verified.get("expectedLinkFound").asBoolean()).isTrue();
            assertThat(api.get("/api/admin/audit/verification", "alice").status()).isEqualTo(403);
            assertThat(api.get("/api/admin/audit/verification?expectedLink=xyz", "ada").status()).isEqualTo(400);

            // Rewrite history: the claim's proposal now says "closed" instead of "open".
            try (Connection connection = platform.eventStoreDatabase().dataSource().getConnection()) {
                try (PreparedStatement select = connection.prepareStatement("SELECT globalIndex, eventIdentifier, "
                        + "payload FROM DomainEventEntry WHERE payloadType LIKE '%ClaimProposed'")) {
                    try (ResultSet row = select.executeQuery()) {
                        assertThat(row.next()).isTrue();
                        alteredIndex = row.getLong(1);
                        alteredEvent = row.getString(2);
                        String payload = new String(row.getBytes(3), java.nio.charset.StandardCharsets.UTF_8);
                        assertThat(payload).contains("\"OPEN\"");
                        try (PreparedStatement update = connection.prepareStatement(
                                "UPDATE DomainEventEntry SET payload = ? WHERE globalIndex = ?")) {
                            update.setBytes(1, payload.replace("\"OPEN\"", "\"CLOSED\"")
                                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
                            update.setLong(2, alteredIndex);
                            assertThat(update.executeUpdate()).isEqualTo(1);
                        }
                    }
                }
            }

            JsonNode broken = api.get("/api/admin/audit/verification", "ada").body();
            assertThat(broken.get("ok").asBoolean()).isFalse();
            assertThat(broken.get("brokenCount").asLong()).isEqualTo(1);
            assertThat(broken.at("/broken/0/globalIndex").asLong()).isEqualTo(alteredIndex);
            assertThat(broken.at("/broken/0/eventIdentifier").asText()).isEqualTo(alteredEvent);
            assertThat(broken.at("/broken/0/payloadType").asText()).endsWith("ClaimProposed");

            String api1 = "http://127.0.0.1:" + platform.httpPort();
            assertThat(cli("verify", "--api", api1, "--keycloak", TestEnvironment.keycloakUrl())).isEqualTo(1);
            assertThat(err.toString()).contains("BROKEN: 1 problem(s)").contains("global index " + alteredIndex)
                    .contains("event " + alteredEvent);
            assertThat(cli("verify", "--expect", "f".repeat(64), "--api", api1, "--keycloak",
                    TestEnvironment.keycloakUrl())).isEqualTo(1);
            assertThat(err.toString()).contains("the expected link is NOT in the chain");
        }

        // Local mode, with the platform stopped: the same event is named, no token needed.
        err.getBuffer().setLength(0);
        assertThat(cli("verify", "--local", "--data-dir", data.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("global index " + alteredIndex).contains("event " + alteredEvent)
                .contains("does not hash to its link");
        assertThat(cli("verify", "--expect", "nothex", "--local", "--data-dir", data.toString())).isEqualTo(2);
    }

    @Test
    void deletedChainLinksAreNamedEvenWhenTheyWereTheNewestOrAll() throws Exception {
        try (Platform platform = SharedPlatform.start(Map.of())) {
            LedgerClient api = new LedgerClient(platform.httpPort());
            registerModelWithRelease(api, "alice");
            long events = storedEvents(platform);
            eventually(() -> api.get("/api/audit/head").body(), h -> h.get("position").asLong() == events);
            try (Connection connection = platform.eventStoreDatabase().dataSource().getConnection();
                 PreparedStatement delete = connection.prepareStatement("DELETE FROM audit_chain WHERE position > ?")) {
                delete.setLong(1, events - 2);
                assertThat(delete.executeUpdate()).isEqualTo(2);
            }
            JsonNode tail = api.get("/api/admin/audit/verification", "ada").body();
            assertThat(tail.get("ok").asBoolean()).isFalse();
            assertThat(tail.get("brokenCount").asLong()).isEqualTo(2);
            assertThat(tail.at("/broken/0/reason").asText()).contains("not in the chain");

            try (Connection connection = platform.eventStoreDatabase().dataSource().getConnection();
                 PreparedStatement delete = connection.prepareStatement("DELETE FROM audit_chain")) {
                delete.executeUpdate();
            }
            JsonNode none = api.get("/api/admin/audit/verification", "ada").body();
            assertThat(none.get("ok").asBoolean()).isFalse();
            assertThat(none.get("brokenCount").asLong()).isEqualTo(events);
        }
    }

    @Test
    void anUntouchedLogVerifiesLocallyWithItsCountAndHead() throws Exception {
        Path data = SharedPlatform.newDataDir();
        String link;
        long events;
        try (Platform platform = SharedPlatform.start(Map.of(), data)) {
            LedgerClient api = new LedgerClient(platform.httpPort());
            registerModelWithRelease(api, "alice");
            events = storedEvents(platform);
            link = eventually(() -> api.get("/api/audit/head").body(), h -> h.get("position").asLong() == events)
                    .get("link").asText();
        }
        assertThat(cli("verify", "--local", "--data-dir", data.toString(), "--expect", link)).as(err.toString())
                .isEqualTo(0);
        assertThat(out.toString()).contains("OK: " + events + " events chained").contains("head " + link)
                .contains("the expected link is in the chain");
    }
}
