package org.opennessledger.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opennessledger.platform.api.CoreLoopEndToEndTest.list;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opennessledger.gateway.fetch.PublicAddressPolicy;
import org.opennessledger.platform.Platform;

/**
 * POST /api/documents/fetch through the whole platform. Off by default: a clear 403 and nothing stored.
 * Switched on (LEDGER_DOCUMENT_FETCH=on, a platform of its own): loopback, private and cloud metadata
 * addresses are refused with a 422 before any connection, and nothing is stored. Every URL here is an
 * address literal (no name is looked up), and none is ever connected to: the loopback ones go first, so
 * were they not refused the test would stop before it names a private address.
 */
class DocumentFetchEndToEndTest {

    private static Map<String, Object> fetch(String url) {
        return Map.of("sourceUrl", url, "title", "Sample Model Licence", "reason", "read it at its source");
    }

    private static JsonNode assertProblem(LedgerClient.Response response, int status, String detailPart) {
        assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("detail").asText()).contains(detailPart);
        return response.body();
    }

    private static void assertNoDocumentOf(LedgerClient api, String url) {
        assertThat(list(api.get("/api/documents").body())).noneSatisfy(d ->
                assertThat(d.get("sourceUrl").asText()).isEqualTo(url));
    }

    @Test
    void withFetchingOffAsByDefaultTheEndpointRefusesAndStoresNothing() {
        LedgerClient api = SharedPlatform.client();
        String url = "http://127.0.0.1:" + SharedPlatform.port() + "/api/openapi.yaml";

        JsonNode problem = assertProblem(api.post("/api/documents/fetch", "alice", fetch(url)), 403,
                "does not fetch documents");

        assertThat(problem.get("type").asText()).isEqualTo("urn:openness-ledger:problem:document-fetch-disabled");
        assertThat(problem.get("detail").asText()).contains("POST /api/documents");
        assertNoDocumentOf(api, url);
    }

    @Test
    void withFetchingOnLoopbackPrivateAndMetadataAddressesAreRefusedAndNothingIsStored() throws Exception {
        try (Platform platform = SharedPlatform.start(Map.of("LEDGER_DOCUMENT_FETCH", "on"))) {
            LedgerClient api = new LedgerClient(platform.httpPort());
            JsonNode headBefore = api.get("/api/audit/head").body();
            // the platform itself answers here: a refusal, not a failed connection
            String ownApi = "http://127.0.0.1:" + platform.httpPort() + "/api/openapi.yaml";

            assertProblem(api.post("/api/documents/fetch", "alice", fetch(ownApi)), 422,
                    "127.0.0.1 is in 127.0.0.0/8, loopback");
            assertProblem(api.post("/api/documents/fetch", "alice", fetch("http://[::1]:" + platform.httpPort() + "/x")),
                    422, "loopback");
            // only once the policy is known to refuse them are private addresses named at all
            for (String literal : new String[] {"10.0.0.1", "169.254.169.254"}) {
                assertThat(PublicAddressPolicy.INSTANCE.refusal(InetAddress.getByName(literal))).isPresent();
            }
            assertProblem(api.post("/api/documents/fetch", "alice", fetch("http://10.0.0.1/x")), 422,
                    "10.0.0.1 is in 10.0.0.0/8, a private network");
            assertProblem(api.post("/api/documents/fetch", "alice", fetch("http://169.254.169.254/latest")), 422,
                    "169.254.169.254 is in 169.254.0.0/16, link-local");
            assertProblem(api.post("/api/documents/fetch", "alice",
                    fetch("http://[::ffff:169.254.169.254]/latest/meta-data/")), 422, "169.254.169.254");
            // who may not add documents makes the platform fetch nothing at all
            assertProblem(api.post("/api/documents/fetch", "paul", fetch(ownApi)), 403, "'reviewer' or 'admin'");

            assertThat(list(api.get("/api/documents").body())).isEmpty();
            assertThat(api.get("/api/audit/head").body()).isEqualTo(headBefore);
        }
    }
}
