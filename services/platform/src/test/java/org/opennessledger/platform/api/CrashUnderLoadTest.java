package org.opennessledger.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opennessledger.platform.api.CoreLoopEndToEndTest.claimBody;
import static org.opennessledger.platform.api.CoreLoopEndToEndTest.eventually;
import static org.opennessledger.platform.api.CoreLoopEndToEndTest.list;
import static org.opennessledger.platform.api.CoreLoopEndToEndTest.propose;
import static org.opennessledger.platform.api.CoreLoopEndToEndTest.registerModelWithRelease;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Five times: a write load (new claims and reviews from four clients), and the platform process
 * killed with SIGKILL at a random moment of it; then a restart. At the end every write that got a
 * 2xx is there, and the read models equal what a rebuild from the event store makes of it.
 */
class CrashUnderLoadTest {

    private static final int CRASHES = 5;
    private static final int CLIENTS = 4;
    private static final List<String> REVIEWERS = List.of("alice", "bob", "carol", "dave", "mia", "noah");
    private static final Duration AFTER_A_CRASH = Duration.ofSeconds(60);

    /** {@code reason} is unique to each request: a stored review answers for exactly one acknowledgement. */
    private record Review(String claimId, String reviewer, String verdict, String reason) {
    }

    @Test
    void everyAcknowledgedWriteSurvivesFiveKillsUnderLoadAndTheReadModelsMatchARebuild() throws Exception {
        Path dataDir = SharedPlatform.newDataDir();
        int port = KillDashNineTest.freePort();
        LedgerClient api = new LedgerClient(port);
        Random random = new Random(20261128);
        List<String> claims = java.util.Collections.synchronizedList(new ArrayList<>());
        Map<Review, Integer> acknowledgedReviews = new ConcurrentHashMap<>();
        String modelId = null;

        for (int round = 0; round < CRASHES; round++) {
            Process platform = KillDashNineTest.startPlatform(dataDir, port, "crash-" + round);
            try {
                KillDashNineTest.awaitReady(api, platform);
                if (modelId == null) {
                    modelId = registerModelWithRelease(api, "ada");
                    for (int i = 0; i < 4; i++) {
                        claims.add(propose(api, "ada", claimBody(modelId, "base-7b", "open", "MIT", "seed " + i)));
                    }
                }
                String model = modelId;
                AtomicBoolean running = new AtomicBoolean(true);
                ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
                for (int c = 0; c < CLIENTS; c++) {
                    Random own = new Random(random.nextLong());
                    clients.submit(() -> {
                        while (running.get()) {
                            try {
                                write(api, own, model, claims, acknowledgedReviews);
                            } catch (RuntimeException connectionLost) {
                                return; // the process is gone
                            }
                        }
                    });
                }
                Thread.sleep(500 + random.nextInt(3000)); // a random moment of the load
                platform.destroyForcibly(); // SIGKILL: no shutdown hook runs
                platform.waitFor(30, TimeUnit.SECONDS);
                running.set(false);
                clients.shutdown();
                assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            } finally {
                platform.destroyForcibly();
            }
        }

        Process last = KillDashNineTest.startPlatform(dataDir, port, "after-crashes");
        try {
            KillDashNineTest.awaitReady(api, last);
            assertThat(acknowledgedReviews).as("the load wrote something").isNotEmpty();
            // every acknowledged review is in its claim's history (at least as often as it was acknowledged),
            // once the restarted platform's read models have caught up with the event store
            List<String> missing = eventually(() -> missing(api, claims, acknowledgedReviews), List::isEmpty,
                    AFTER_A_CRASH);
            assertThat(missing).as("acknowledged writes not found after the crashes").isEmpty();
            System.out.printf("CrashUnderLoadTest: %d kills, %d acknowledged reviews, %d acknowledged claims, none lost%n",
                    CRASHES, acknowledgedReviews.values().stream().mapToInt(Integer::intValue).sum(), claims.size());

            // the read models once the restarted platform settled (its follow-up processes, such as
            // supersessions interrupted by the kill, finish after the restart), against a rebuild
            Map<String, JsonNode> before = settled(api, modelId, claims);
            var rebuilt = api.post("/api/admin/read-models/rebuild", "ada", Map.of("reason", "test: after crashes"));
            assertThat(rebuilt.status()).as(String.valueOf(rebuilt.body())).isEqualTo(200);
            Map<String, JsonNode> after = snapshotOf(api, modelId, claims);
            List<String> differing = before.keySet().stream().filter(k -> !before.get(k).equals(after.get(k))).sorted()
                    .toList();
            assertThat(differing).as("read models that differ from their rebuild; first: %s vs %s",
                    differing.isEmpty() ? null : before.get(differing.get(0)),
                    differing.isEmpty() ? null : after.get(differing.get(0))).isEmpty();
        } finally {
            last.destroy();
            last.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** One write of the load: mostly reviews (every acknowledged one recorded), sometimes a new claim. */
    private static void write(LedgerClient api, Random random, String modelId, List<String> claims,
                              Map<Review, Integer> acknowledged) {
        if (random.nextInt(5) == 0) {
            var proposed = api.post("/api/claims", "ada", claimBody(modelId, "base-7b", "partial", "MIT",
                    "load " + random.nextInt()));
            if (proposed.status() == 201) {
                claims.add(proposed.body().get("claimId").asText());
            }
            return;
        }
        String claimId;
        synchronized (claims) {
            claimId = claims.get(random.nextInt(claims.size()));
        }
        String reviewer = REVIEWERS.get(random.nextInt(REVIEWERS.size()));
        boolean agree = random.nextBoolean();
        String reason = "load " + new java.util.UUID(random.nextLong(), random.nextLong());
        var response = api.post("/api/claims/" + claimId + "/reviews", reviewer,
                Map.of("verdict", agree ? "agree" : "disagree", "reason", reason));
        if (response.status() / 100 == 2) {
            acknowledged.merge(new Review(claimId, Keycloak.subject(reviewer), agree ? "agree" : "disagree", reason), 1,
                    Integer::sum);
        }
    }

    /** The acknowledged claims and reviews the platform does not show (yet). */
    private static List<String> missing(LedgerClient api, List<String> claims, Map<Review, Integer> acknowledged) {
        List<String> missing = new ArrayList<>();
        Map<Review, Integer> stored = new HashMap<>();
        for (String claimId : List.copyOf(claims)) {
            var claim = api.get("/api/claims/" + claimId);
            if (claim.status() != 200) {
                missing.add("claim " + claimId);
                continue;
            }
            list(claim.body().get("reviewHistory")).forEach(r -> stored.merge(new Review(claimId,
                    r.get("reviewerId").asText(), r.get("verdict").asText(), r.get("reason").asText()), 1, Integer::sum));
        }
        // each acknowledged review exactly once (an unacknowledged one, in flight at a kill, may be there or not)
        acknowledged.forEach((review, times) -> {
            if (stored.getOrDefault(review, 0) != times) {
                missing.add(review + ": acknowledged " + times + ", stored " + stored.getOrDefault(review, 0));
            }
        });
        return missing;
    }

    /**
     * The pages once they stayed the same for longer than a processor can wait to start: one whose segment the
     * killed process still held starts only once that claim expires (Axon's claim timeout, 10 s) and its next
     * claim attempt comes (every 5 s), so pages that merely stood still for a second may still change.
     */
    private static Map<String, JsonNode> settled(LedgerClient api, String modelId, List<String> claims)
            throws InterruptedException {
        Map<String, JsonNode> previous = snapshotOf(api, modelId, claims);
        int unchangedSeconds = 0;
        for (int i = 0; i < 90; i++) {
            Thread.sleep(1000);
            Map<String, JsonNode> now = snapshotOf(api, modelId, claims);
            unchangedSeconds = now.equals(previous) ? unchangedSeconds + 1 : 0;
            if (unchangedSeconds >= SETTLED_SECONDS) {
                return now;
            }
            previous = now;
        }
        throw new AssertionError("the pages did not stay the same for " + SETTLED_SECONDS + " s within 90 s");
    }

    /** Longer than a killed process's token claim can delay a processor: 10 s claim timeout + 5 s claim interval. */
    private static final int SETTLED_SECONDS = 16;

    /** The model page, every claim page and the model's matrix rows. */
    private static Map<String, JsonNode> snapshotOf(LedgerClient api, String modelId, List<String> claims) {
        Map<String, JsonNode> snapshot = new HashMap<>();
        snapshot.put("model", api.get("/api/models/" + modelId).body());
        for (String claimId : List.copyOf(claims)) {
            snapshot.put(claimId, api.get("/api/claims/" + claimId).body());
        }
        snapshot.put("matrix", api.get("/api/matrix").body());
        return snapshot;
    }
}
