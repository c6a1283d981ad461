package org.opennessledger.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.opennessledger.platform.Platform;
import org.opennessledger.platform.TestEnvironment;

/**
 * The web UI in a real browser: a platform serving web-ui/dist (built by the web-ui module before
 * this one) with a family imported in three dated versions, browsed by web-ui/e2e/browse.e2e.mjs
 * (playwright-core driving Debian's chromium): the matrix, its search, the as-of slider showing the
 * weights closed in 2024, the model and claim pages, the history with the audit head, and 360 px;
 * then web-ui/e2e/review.e2e.mjs logs in through the real Keycloak login page as alice to propose a
 * claim, and as bob, carol and dave to agree, until the matrix shows it accepted; then as bob to dispute
 * it and as mia to take the dispute from the moderation queue and overturn it; then web-ui/e2e/debate.e2e.mjs
 * has carol argue, bob reply, dave flag, alice appeal and paul answer as the producer, and noah hide the
 * flagged argument, decide the appeal and protect the model; and web-ui/e2e/annotate.e2e.mjs has carol paste a
 * licence's new version, select a passage with the mouse, tag it, ask a question in its debate, filter by tag,
 * compare the two versions and cite the passage as a claim's evidence. The matrix holds 200+ models meanwhile.
 * Screenshots land in target/screenshots.
 */
class BrowserEndToEndTest {

    private static final Path WEB_UI = Path.of("../../web-ui").toAbsolutePath().normalize();

    /** Runs one browser script against the platform; its output, once it exited 0 within 3 minutes. */
    private static String browse(String script, String base, Path screenshots) throws Exception {
        Path log = Files.createTempFile("browse-", ".log");
        ProcessBuilder command = new ProcessBuilder("node", "e2e/" + script, base, screenshots.toString(), "e2e-model");
        command.environment().put("CHROMIUM", TestEnvironment.chromium());
        Process browser = command.directory(WEB_UI.toFile()).redirectErrorStream(true).redirectOutput(log.toFile())
                .start();
        browser.getOutputStream().close();
        boolean finished = browser.waitFor(3, TimeUnit.MINUTES);
        if (!finished) {
            browser.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log); // its content goes into the assertions' messages and the build log
        assertThat(finished).as(script + " finished within 3 minutes: " + output).isTrue();
        assertThat(browser.exitValue()).as(script + ": " + output).isZero();
        System.out.println(script + ": " + output.strip()); // the measured figures (layout shift) in the build log
        return output;
    }

    /** How many models the matrix is browsed with: more than the 200 the product must stay usable with. */
    static final int SCALE_MODELS = 210;

    /**
     * {@link #SCALE_MODELS} families with varied weights and code classes, imported 70 files per request:
     * model n is produced by "Scale Lab (n mod 7)" and is a code model when n is a multiple of 5, else a
     * text model (browse.e2e.mjs counts on this).
     */
    private static void importScaleModels(LedgerClient api) {
        String[] classes = {"open", "partial", "closed"};
        for (int first = 1; first <= SCALE_MODELS; first += 70) {
            List<Map<String, String>> files = new ArrayList<>();
            for (int n = first; n < first + 70 && n <= SCALE_MODELS; n++) {
                String yaml = "system:\n    name: Scale Model " + String.format("%03d", n) + "\n    type: "
                        + (n % 5 == 0 ? "code" : "text") + "\n    link: https://example.org/s" + n + "\norg:\n    name: Scale Lab " + (n % 7) + "\nweights_endmodel:\n    class: " + classes[n % 3]
                        + "\n    link: https://example.org/w" + n + "\ntrainingcode:\n    class: " + classes[(n / 3) % 3]
                        + "\n    link: https://example.org/c" + n + "\n";
                files.add(Map.of("name", "scale-" + n + ".yaml", "content", yaml, "effectiveAt", "2025-02-01T00:00:00Z"));
            }
            var imported = api.post("/api/admin/imports/osai-index", "ada", Map.of("files", files));
            assertThat(imported.status()).as(imported.body().toString()).isEqualTo(200);
            assertThat(imported.body().findValues("error")).as("no file refused").isEmpty();
        }
    }

    @Test
    void theMatrixModelClaimAndHistoryPagesWorkInChromiumAndTheCoreLoopRunsThroughTheLoginPage() throws Exception {
        assertThat(WEB_UI.resolve("dist/index.html")).as("web-ui is built before the platform module").exists();
        try (Platform platform = SharedPlatform.start(Map.of("LEDGER_WEB_ROOT", WEB_UI.resolve("dist").toString()))) {
            LedgerClient api = new LedgerClient(platform.httpPort());
            for (String[] version : new String[][] {{"2024-01-01T00:00:00Z", "closed"},
                    {"2024-06-01T00:00:00Z", "partial"}, {"2025-01-01T00:00:00Z", "open"}}) {
                // published by the organisation the dev realm's producer paul speaks for
                String yaml = "system:\n    name: E2E Model\n    link: https://example.org/e2e\norg:\n    name: Example Lab\n"
                        + "weights_endmodel:\n    class: " + version[1] + "\n    link: https://example.org/w\n";
                var imported = api.post("/api/admin/imports/osai-index", "ada", Map.of("files", List.of(Map.of(
                        "name", "e2e.yaml", "content", yaml, "effectiveAt", version[0]))));
                assertThat(imported.status()).isEqualTo(200);
            }
            importScaleModels(api);
            Path screenshots = Path.of("target/screenshots").toAbsolutePath();
            String base = "http://127.0.0.1:" + platform.httpPort();
            assertThat(browse("browse.e2e.mjs", base, screenshots)).contains("browsed " + base);
            // then the core loop through Keycloak's login page: alice proposes, bob, carol and dave agree;
            // bob disputes, mia overturns it from the moderation queue
            assertThat(browse("review.e2e.mjs", base, screenshots)).contains("reviewed in the browser at " + base)
                    .contains("mia overturned it");
            JsonNode modelCard = CoreLoopEndToEndTest.list(api.get("/api/models/e2e-model").body().get("claims"))
                    .stream().filter(c -> c.get("component").asText().equals("model-card")).findFirst().orElseThrow();
            assertThat(modelCard.get("status").asText()).isEqualTo("REJECTED");
            // then the debate and moderation: argue, reply, flag, appeal, producer response; noah hides the
            // flagged argument, decides the appeal for good, protects the model and lifts it again
            assertThat(browse("debate.e2e.mjs", base, screenshots)).contains("debated in the browser at " + base);
            String claimId = modelCard.get("claimId").asText();
            JsonNode arguments = api.get("/api/claims/" + claimId + "/arguments").body();
            assertThat(arguments.size()).isEqualTo(2);
            assertThat(arguments.get(0).get("text").isNull()).as("hidden for the public").isTrue();
            assertThat(api.get("/api/claims/" + claimId + "/arguments", "mia").body().get(0).get("text").asText())
                    .contains("<img src=x onerror=alert(1)>");
            JsonNode dispute = api.get("/api/claims/" + claimId + "/disputes").body().get(0);
            assertThat(dispute.get("state").asText()).isEqualTo("CLOSED");
            assertThat(dispute.at("/decisions/1/moderatorId").asText()).isNotEqualTo(dispute.at("/decisions/0/moderatorId").asText());
            assertThat(api.get("/api/claims/" + claimId).body().get("status").asText()).as("upheld on appeal")
                    .isEqualTo("ACCEPTED");
            assertThat(api.get("/api/claims/" + claimId).body().at("/producerResponse/producerOrg").asText())
                    .isEqualTo("Example Lab");
            assertThat(api.get("/api/models/e2e-model/protection").body().get("protected").asBoolean()).isFalse();
            assertThat(screenshots.resolve("matrix-as-of-2024.png")).exists();

            // then annotations: carol selects a passage of a licence the test adds, tags it, and cites it in a claim
            // a character outside the Basic Multilingual Plane before the passage: positions count code points
            String licence = "E2E Model Licence (\uD835\uDD10 edition)\n1. You may use the Model for research and products.\n"
                    + "2. Products above 700 million monthly active users need a separate licence.\n";
            var added = api.post("/api/documents", "alice", Map.of("sourceUrl", "https://example.org/e2e/licence",
                    "title", "E2E Model Licence", "mediaType", "text/plain", "text", licence));
            assertThat(added.status()).as(String.valueOf(added.body())).isEqualTo(201);
            String documentId = added.body().get("documentId").asText();
            assertThat(browse("annotate.e2e.mjs", base, screenshots)).contains("annotated in the browser at " + base);
            assertThat(api.get("/api/documents/" + documentId + "/versions/2").body().get("text").asText())
                    .as("carol pasted version 2").isEqualTo(licence + "3. Derived models must keep \"E2E\" in their name.\n");
            JsonNode annotation = api.get("/api/annotations?document=" + documentId).body().get(0);
            assertThat(annotation.at("/anchor/quote/exact").asText()).isEqualTo("above 700 million monthly active users");
            assertThat(annotation.at("/anchor/position/start").asInt())
                    .isEqualTo(licence.codePointCount(0, licence.indexOf("above 700 million monthly active users")));
            assertThat(annotation.get("tags").get(0).asText()).isEqualTo("user-type-threshold");
            assertThat(annotation.get("comment").asText()).isEqualTo("a cap on users <img src=x onerror=alert(1)>");
            assertThat(annotation.get("citedByClaims")).hasSize(1);
            JsonNode question = api.get("/api/annotations/" + annotation.get("annotationId").asText() + "/arguments")
                    .body().get(0);
            assertThat(question.get("stance").asText()).isEqualTo("question");
            assertThat(question.get("text").asText()).isEqualTo("Does a separate licence mean a fee?");
            JsonNode citing = api.get("/api/claims/" + annotation.get("citedByClaims").get(0).asText()).body();
            assertThat(citing.at("/evidence/0/annotationId").asText()).isEqualTo(annotation.get("annotationId").asText());
            assertThat(citing.at("/evidence/0/url").asText()).isEqualTo("https://example.org/e2e/licence");
        }
    }
}
