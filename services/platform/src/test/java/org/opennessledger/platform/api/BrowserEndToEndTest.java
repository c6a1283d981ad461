package org.opennessledger.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * it and as mia to take the dispute from the moderation queue and overturn it.
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
        assertThat(finished).as(script + " finished within 3 minutes: " + output).isTrue();
        assertThat(browser.exitValue()).as(script + ": " + output).isZero();
        return output;
    }

    @Test
    void theMatrixModelClaimAndHistoryPagesWorkInChromiumAndTheCoreLoopRunsThroughTheLoginPage() throws Exception {
        assertThat(WEB_UI.resolve("dist/index.html")).as("web-ui is built before the platform module").exists();
        try (Platform platform = SharedPlatform.start(Map.of("LEDGER_WEB_ROOT", WEB_UI.resolve("dist").toString()))) {
            LedgerClient api = new LedgerClient(platform.httpPort());
            for (String[] version : new String[][] {{"2024-01-01T00:00:00Z", "closed"},
                    {"2024-06-01T00:00:00Z", "partial"}, {"2025-01-01T00:00:00Z", "open"}}) {
                String yaml = "system:\n    name: E2E Model\n    link: https://example.org/e2e\norg:\n    name: E2E Lab\n"
                        + "weights_endmodel:\n    class: " + version[1] + "\n    link: https://example.org/w\n";
                var imported = api.post("/api/admin/imports/osai-index", "ada", Map.of("files", List.of(Map.of(
                        "name", "e2e.yaml", "content", yaml, "effectiveAt", version[0]))));
                assertThat(imported.status()).isEqualTo(200);
            }
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
            assertThat(screenshots.resolve("matrix-as-of-2024.png")).exists();
        }
    }
}
