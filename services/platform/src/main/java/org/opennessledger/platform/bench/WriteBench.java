package org.opennessledger.platform.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.opennessledger.platform.Platform;

/**
 * The write path, measured in one run on this machine: reviews through the HTTP API with real,
 * pre-fetched tokens at 1, 8 and 64 concurrent clients (throughput, p50/p99 latency), each against
 * its baseline, raw JDBC inserts of as many event rows, at the same concurrency, into the same
 * event-store database (one row per transaction, as a command commits its events). Writes
 * {@code target/bench/write.md} and {@code target/bench/write.svg}.
 *
 * <pre>java -cp openness-ledger-platform.jar org.opennessledger.platform.bench.WriteBench [seconds per level]</pre>
 * Needs Keycloak with the dev realm at LEDGER_KEYCLOAK_URL (the dev passwords are the dev realm's).
 */
public final class WriteBench {

    private static final List<Integer> CLIENTS = List.of(1, 8, 64);
    private static final List<String> REVIEWERS = List.of("alice", "bob", "carol", "dave", "mia", "noah");
    private static final int CLAIMS = 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String keycloakUrl;
    private String base;
    private final Map<String, String> tokens = new HashMap<>();

    private WriteBench(String keycloakUrl) {
        this.keycloakUrl = keycloakUrl;
    }

    record Level(int clients, long commands, double seconds, long p50Micros, long p99Micros, long events,
                 double rawSeconds) {
        double commandsPerSecond() {
            return commands / seconds;
        }

        double rawRowsPerSecond() {
            return events / rawSeconds;
        }

        double eventsPerSecond() {
            return events / seconds;
        }
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        String keycloak = System.getenv().getOrDefault("LEDGER_KEYCLOAK_URL", "http://127.0.0.1:8180");
        Path out = Path.of(System.getenv().getOrDefault("LEDGER_BENCH_OUT", "target/bench"));
        Files.createDirectories(out);
        WriteBench bench = new WriteBench(keycloak);
        List<Level> levels = new ArrayList<>();
        try (TemporaryStore store = TemporaryStore.create("write");
             Platform platform = Platform.start(store.platformSettings())) {
            bench.base = "http://127.0.0.1:" + platform.httpPort();
            String modelId = bench.prepare();
            DataSource dataSource = platform.eventStoreDatabase().dataSource();
            createRawTable(dataSource);
            bench.run(bench.claims(modelId), 2, seconds, dataSource, 8, platform); // warm-up: JIT, pools, caches
            for (int clients : CLIENTS) {
                // fresh claims and tokens for each level: every level starts from the same state, tokens stay valid
                bench.refreshTokens();
                levels.add(bench.run(bench.claims(modelId), clients, seconds, dataSource, clients, platform));
                System.out.printf(Locale.ROOT, "%d clients: %.0f commands/s, p50 %.1f ms, p99 %.1f ms; raw inserts %.0f rows/s%n",
                        clients, levels.get(levels.size() - 1).commandsPerSecond(),
                        levels.get(levels.size() - 1).p50Micros() / 1000.0, levels.get(levels.size() - 1).p99Micros() / 1000.0,
                        levels.get(levels.size() - 1).rawRowsPerSecond());
            }
        }
        Files.writeString(out.resolve("write.md"), report(levels, seconds));
        Files.writeString(out.resolve("write.svg"), BenchCharts.bars("Write path: reviews through the API vs raw inserts",
                "per second", CLIENTS.stream().map(c -> c + " client" + (c == 1 ? "" : "s")).toList(),
                List.of("events through the API", "raw JDBC rows"),
                List.of(levels.stream().map(Level::eventsPerSecond).toList(),
                        levels.stream().map(Level::rawRowsPerSecond).toList())));
        System.out.println("wrote " + out.resolve("write.md") + " and write.svg");
    }

    /**
     * One level of this benchmark against a platform that is already running (e.g. on a grown store):
     * fresh claims on a family of its own, {@code clients} clients for {@code seconds}, raw inserts beside it.
     */
    static Level measure(Platform platform, String keycloakUrl, int clients, int seconds) throws Exception {
        WriteBench bench = new WriteBench(keycloakUrl);
        bench.base = "http://127.0.0.1:" + platform.httpPort();
        String modelId = bench.prepare();
        DataSource dataSource = platform.eventStoreDatabase().dataSource();
        createRawTable(dataSource);
        bench.run(bench.claims(modelId), clients, 2, dataSource, clients, platform); // warm-up
        bench.refreshTokens();
        return bench.run(bench.claims(modelId), clients, seconds, dataSource, clients, platform);
    }

    private void refreshTokens() throws Exception {
        for (String user : REVIEWERS) {
            tokens.put(user, DevRealmTokens.token(keycloakUrl, user));
        }
        tokens.put("ada", DevRealmTokens.token(keycloakUrl, "ada"));
    }

    /** A model family for the claims; its id. */
    private String prepare() throws Exception {
        refreshTokens();
        String modelId = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        post("/api/models", "ada", Map.of("modelId", modelId, "name", "Bench " + modelId, "producer", "Bench Lab"));
        return modelId;
    }

    /** A new release with {@link #CLAIMS} claims (one per component, so that none supersedes another). */
    private List<String> claims(String modelId) {
        String releaseId = "b-" + UUID.randomUUID().toString().substring(0, 8);
        post("/api/models/" + modelId + "/releases", "ada", Map.of("releaseId", releaseId, "name", "Bench " + releaseId));
        List<String> components = List.of("model-architecture-code", "training-code", "inference-code", "evaluation-code",
                "data-preprocessing-code", "supporting-libraries", "final-weights", "intermediate-checkpoints",
                "optimizer-state", "base-training-data", "fine-tuning-data", "evaluation-data", "data-card", "model-card",
                "technical-report", "peer-reviewed-paper", "preprint", "evaluation-results", "sample-outputs", "package");
        List<String> claims = new ArrayList<>();
        for (int i = 0; i < CLAIMS; i++) {
            JsonNode claim = post("/api/claims", "ada", Map.of("modelId", modelId, "releaseId", releaseId,
                    "component", components.get(i), "openness", "open", "licence", "MIT", "rationale", "bench",
                    "evidence", List.of(Map.of("url", "https://example.org/bench", "retrievedOn", "2026-11-28"))));
            claims.add(claim.get("claimId").asText());
        }
        return claims;
    }

    /** {@code clients} threads reviewing for {@code seconds}; then the raw baseline at the same concurrency. */
    private Level run(List<String> claims, int clients, int seconds, DataSource dataSource, int rawThreads,
                      Platform platform) throws Exception {
        long eventsBefore = StoreGrowth.eventCount(dataSource);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<Future<long[]>> results = new ArrayList<>();
        long started = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            results.add(pool.submit(() -> {
                List<Long> latencies = new ArrayList<>();
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (System.nanoTime() < end) {
                    String claim = claims.get(random.nextInt(claims.size()));
                    String reviewer = REVIEWERS.get(random.nextInt(REVIEWERS.size()));
                    Map<String, Object> body = random.nextBoolean() ? Map.of("verdict", "agree")
                            : Map.of("verdict", "disagree", "reason", "bench");
                    long t0 = System.nanoTime();
                    post("/api/claims/" + claim + "/reviews", reviewer, body);
                    latencies.add((System.nanoTime() - t0) / 1000);
                }
                return latencies.stream().mapToLong(Long::longValue).toArray();
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<long[]> result : results) {
            Arrays.stream(result.get()).forEach(all::add);
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        long events = StoreGrowth.eventCount(dataSource) - eventsBefore;
        all.sort(null);
        // the baseline runs once the platform's own processing of the load is over
        platform.readModelsCaughtUp().get(5, TimeUnit.MINUTES);
        double rawSeconds = rawInserts(dataSource, events, rawThreads);
        return new Level(clients, all.size(), elapsed, BenchCharts.percentile(all, 0.50), BenchCharts.percentile(all, 0.99), events, rawSeconds);
    }

    /** A table shaped like the event table, so that the baseline writes rows of the same kind. */
    private static void createRawTable(DataSource dataSource) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS bench_raw_events (globalIndex BIGINT AUTO_INCREMENT PRIMARY KEY, "
                    + "aggregateIdentifier VARCHAR(255) NOT NULL, sequenceNumber BIGINT NOT NULL, type VARCHAR(255), "
                    + "eventIdentifier VARCHAR(255) NOT NULL UNIQUE, metaData BLOB, payload BLOB NOT NULL, "
                    + "payloadRevision VARCHAR(255), payloadType VARCHAR(255) NOT NULL, timeStamp VARCHAR(255) NOT NULL, "
                    + "UNIQUE (aggregateIdentifier, sequenceNumber))");
        }
    }

    /** {@code rows} inserts, one per transaction, from {@code threads} threads; seconds taken. */
    private static double rawInserts(DataSource dataSource, long rows, int threads) throws Exception {
        byte[] payload = ("{\"claimId\":\"" + UUID.randomUUID() + "\",\"reviewerId\":\"" + UUID.randomUUID()
                + "\",\"verdict\":\"AGREE\",\"justification\":null,\"previousVerdict\":null,\"agreeCount\":2,"
                + "\"disagreeCount\":1}").getBytes(StandardCharsets.UTF_8);
        byte[] metaData = ("{\"actorId\":\"" + UUID.randomUUID() + "\",\"reason\":\"bench\",\"correlationId\":\""
                + UUID.randomUUID() + "\"}").getBytes(StandardCharsets.UTF_8);
        AtomicLong next = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        String aggregate = UUID.randomUUID().toString();
        long started = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            done.add(pool.submit(() -> {
                long n;
                while ((n = next.getAndIncrement()) < rows) {
                    try (Connection c = dataSource.getConnection();
                         PreparedStatement insert = c.prepareStatement("INSERT INTO bench_raw_events (aggregateIdentifier, "
                                 + "sequenceNumber, type, eventIdentifier, metaData, payload, payloadRevision, "
                                 + "payloadType, timeStamp) VALUES (?, ?, 'Claim', ?, ?, ?, '2', ?, ?)")) {
                        c.setAutoCommit(false);
                        insert.setString(1, aggregate);
                        insert.setLong(2, n);
                        insert.setString(3, UUID.randomUUID().toString());
                        insert.setBytes(4, metaData);
                        insert.setBytes(5, payload);
                        insert.setString(6, "org.opennessledger.contracts.claims.ClaimReviewed");
                        insert.setString(7, java.time.Instant.now().toString());
                        insert.executeUpdate();
                        c.commit();
                        c.setAutoCommit(true);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - started) / 1e9;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM bench_raw_events");
        }
        return seconds;
    }

    private static String report(List<Level> levels, int seconds) {
        StringBuilder md = new StringBuilder("# Write path\n\n").append(BenchCharts.machine()).append("\n\n")
                .append("Reviews of 20 claims through `POST /api/claims/{id}/reviews` with pre-fetched real tokens of six ")
                .append("reviewers, for ").append(seconds).append(" s per level after a warm-up, on the embedded default ")
                .append("(H2 file event store, in-process MongoDB-protocol read store). Each answer waits until the read ")
                .append("models show the write (read-your-writes). Baseline: as many rows as the API stored events, ")
                .append("inserted with raw JDBC into a table shaped like the event table of the same database, one row ")
                .append("per transaction, from as many threads (a review that changes the claim's status commits two ")
                .append("events in one transaction, so events/s against rows/s flatters the API by up to 2×; ")
                .append("commands/s against rows/s does not). Each level starts on 20 new claims.\n\n")
                .append("| clients | commands/s | p50 ms | p99 ms | events/s | raw rows/s | commands ÷ raw rows | events ÷ raw rows |\n")
                .append("|---|---|---|---|---|---|---|---|\n");
        for (Level level : levels) {
            md.append(String.format(Locale.ROOT, "| %d | %.0f | %.1f | %.1f | %.0f | %.0f | %.1f%% | %.1f%% |%n",
                    level.clients(), level.commandsPerSecond(), level.p50Micros() / 1000.0, level.p99Micros() / 1000.0,
                    level.eventsPerSecond(), level.rawRowsPerSecond(),
                    100 * level.commandsPerSecond() / level.rawRowsPerSecond(),
                    100 * level.eventsPerSecond() / level.rawRowsPerSecond()));
        }
        md.append("\nGoals (issue 7): at least 1,000 commands/s and at least 30% of the raw insert rate.\n\n![](write.svg)\n");
        return md.toString();
    }

    /** A write that must succeed (any 2xx: a review answers 200 or 201); the answer. */
    private JsonNode post(String path, String user, Object body) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + tokens.get(user))
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
