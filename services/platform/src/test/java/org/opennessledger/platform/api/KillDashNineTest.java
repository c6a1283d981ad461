package org.opennessledger.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opennessledger.platform.api.CoreLoopEndToEndTest.claimBody;
import static org.opennessledger.platform.api.CoreLoopEndToEndTest.eventually;
import static org.opennessledger.platform.api.CoreLoopEndToEndTest.propose;
import static org.opennessledger.platform.api.CoreLoopEndToEndTest.registerModelWithRelease;
import static org.opennessledger.platform.api.CoreLoopEndToEndTest.review;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.opennessledger.platform.Main;
import org.opennessledger.platform.TestEnvironment;

/**
 * No acknowledged write is lost when the platform process is killed with SIGKILL right after
 * answering: the restarted platform serves every write that got a 2xx.
 */
class KillDashNineTest {

    private static final Duration AFTER_A_CRASH = Duration.ofSeconds(60);

    @Test
    void everyAcknowledgedWriteSurvivesKillDashNine() throws Exception {
        Path dataDir = SharedPlatform.newDataDir();
        int port = freePort();
        LedgerClient api = new LedgerClient(port);
        List<String> claimIds = new ArrayList<>();
        String modelId;

        Process first = startPlatform(dataDir, port, "first");
        try {
            awaitReady(api, first);
            modelId = registerModelWithRelease(api, "alice");
            for (int i = 0; i < 5; i++) {
                claimIds.add(propose(api, "alice", claimBody(modelId, "base-7b", "open", "MIT", "claim " + i)));
            }
            review(api, "bob", claimIds.get(4), "agree", null);
        } finally {
            first.destroyForcibly(); // SIGKILL on Linux: no shutdown hook runs
            first.waitFor(30, TimeUnit.SECONDS);
        }

        Process second = startPlatform(dataDir, port, "second");
        try {
            awaitReady(api, second);
            // The embedded read store may have lost its last second of writes, so the restart
            // rebuilds the read models from the event store, which must hold every acknowledged write.
            String model = "/api/models/" + modelId;
            assertThat(eventually(() -> api.get(model).status(), s -> s == 200, AFTER_A_CRASH)).isEqualTo(200);
            for (String claimId : claimIds) {
                assertThat(eventually(() -> api.get("/api/claims/" + claimId).status(), s -> s == 200, AFTER_A_CRASH))
                        .isEqualTo(200);
            }
            assertThat(eventually(() -> api.get("/api/claims/" + claimIds.get(4)).body(),
                    c -> c.get("agreeCount").asInt() == 1).get("agreeCount").asInt()).isEqualTo(1);
            // The write side decides from the event store, not the read models: a new review
            // counts bob's acknowledged one, so that event survived too.
            assertThat(review(api, "carol", claimIds.get(4), "agree", null).get("agreeCount").asInt()).isEqualTo(2);
        } finally {
            second.destroy();
            second.waitFor(30, TimeUnit.SECONDS);
        }
    }

    static Process startPlatform(Path dataDir, int port, String name) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // its temporary files (Vert.x's file cache, which a SIGKILL leaves behind) and its log lie beside the
        // data directory: deleted with it when the tests end
        Path temporary = Files.createDirectories(dataDir.resolveSibling(dataDir.getFileName() + "-tmp"));
        ProcessBuilder builder = new ProcessBuilder(java, "-Djava.io.tmpdir=" + temporary, "-cp",
                System.getProperty("java.class.path"), Main.class.getName());
        builder.environment().put("LEDGER_DATA_DIR", dataDir.toString());
        builder.environment().put("LEDGER_HTTP_PORT", String.valueOf(port));
        builder.environment().put("LEDGER_KEYCLOAK_URL", TestEnvironment.keycloakUrl());
        SharedPlatform.liftWriteLimits(builder.environment());
        builder.redirectErrorStream(true);
        builder.redirectOutput(dataDir.resolveSibling(dataDir.getFileName() + "-" + name + ".log").toFile());
        return builder.start();
    }

    static void awaitReady(LedgerClient api, Process process) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("platform process exited early").isTrue();
            try {
                if (api.get("/health").status() == 200) {
                    return;
                }
            } catch (IllegalStateException notListeningYet) {
                // keep polling
            }
            Thread.sleep(200);
        }
        throw new AssertionError("platform did not become healthy within 60 s");
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
