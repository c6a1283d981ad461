package org.opennessledger.platform.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opennessledger.platform.Platform;

/**
 * The read path, measured in one run with {@code wrk} at 64 connections: {@code GET /api/models}
 * with 200 model families and one claim page, each against the baseline of a Vert.x route that
 * answers a constant body of the same size from the same process. Writes {@code target/bench/read.md}
 * and {@code target/bench/read.svg}.
 *
 * <pre>java -cp openness-ledger-platform.jar org.opennessledger.platform.bench.ReadBench [seconds]</pre>
 * Needs wrk on the PATH and Keycloak with the dev realm at LEDGER_KEYCLOAK_URL (for the writes that set up the data).
 */
public final class ReadBench {

    private static final int MODELS = 200;
    private static final int CONNECTIONS = 64;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern REQUESTS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern P99 = Pattern.compile("\\s99%\\s+([0-9.]+)(us|ms|s)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern SOCKET_ERRORS = Pattern.compile("Socket errors: (.*)");

    record Result(String what, double requestsPerSecond, double p99Millis, double baselinePerSecond,
                  double baselineP99Millis, int bodyBytes) {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Path out = Path.of(System.getenv().getOrDefault("LEDGER_BENCH_OUT", "target/bench"));
        Files.createDirectories(out);
        String keycloak = System.getenv().getOrDefault("LEDGER_KEYCLOAK_URL", "http://127.0.0.1:8180");
        List<Result> results = new ArrayList<>();
        Vertx baselineVertx = Vertx.vertx();
        try (TemporaryStore store = TemporaryStore.create("read");
             Platform platform = Platform.start(store.platformSettings())) {
            String base = "http://127.0.0.1:" + platform.httpPort();
            String claimId = prepare(base, DevRealmTokens.token(keycloak, "ada"));
            for (String[] target : new String[][] {{"GET /api/models (" + MODELS + " models)", "/api/models"},
                    {"GET /api/claims/{id}", "/api/claims/" + claimId}}) {
                byte[] body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + target[1])).build(),
                        HttpResponse.BodyHandlers.ofByteArray()).body();
                // the baseline answers a body of the same size, in the same process, without any work
                HttpServer constant = baselineVertx.createHttpServer().requestHandler(request -> request.response()
                        .putHeader("Content-Type", "application/json").end(io.vertx.core.buffer.Buffer.buffer(body)))
                        .listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
                double[] baseline = wrk("http://127.0.0.1:" + constant.actualPort() + "/constant", seconds);
                wrk(base + target[1], 2); // warm-up: the JIT compiles the read's path first
                double[] measured = wrk(base + target[1], seconds);
                constant.close().await(10, TimeUnit.SECONDS);
                results.add(new Result(target[0], measured[0], measured[1], baseline[0], baseline[1], body.length));
                System.out.printf(Locale.ROOT, "%s: %.0f req/s, p99 %.1f ms; baseline %.0f req/s, p99 %.1f ms%n",
                        target[0], measured[0], measured[1], baseline[0], baseline[1]);
            }
        } finally {
            baselineVertx.close().await(10, TimeUnit.SECONDS);
        }
        Files.writeString(out.resolve("read.md"), report(results, seconds));
        Files.writeString(out.resolve("read.svg"), BenchCharts.bars("Read path at " + CONNECTIONS
                        + " connections: the API vs a constant route", "requests per second",
                results.stream().map(Result::what).toList(), List.of("the API", "constant body (baseline)"),
                List.of(results.stream().map(Result::requestsPerSecond).toList(),
                        results.stream().map(Result::baselinePerSecond).toList())));
        System.out.println("wrote " + out.resolve("read.md") + " and read.svg");
    }

    /** {@link #MODELS} families with a release each, and one claim; the claim's id. */
    private static String prepare(String base, String adminToken) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < MODELS; i++) {
            String id = String.format(Locale.ROOT, "read-bench-%03d", i);
            send(http, base + "/api/models", adminToken, Map.of("modelId", id, "name", "Read bench " + i,
                    "producer", "Bench Lab " + (i % 13), "modelType", i % 5 == 0 ? "code" : "text"));
            send(http, base + "/api/models/" + id + "/releases", adminToken, Map.of("releaseId", "r1", "name", "R-" + i));
        }
        JsonNode claim = send(http, base + "/api/claims", adminToken, Map.of("modelId", "read-bench-000",
                "releaseId", "r1", "component", "final-weights", "openness", "open", "licence", "Apache-2.0",
                "rationale", "The weights are published under Apache-2.0.",
                "evidence", List.of(Map.of("url", "https://example.org/read-bench", "retrievedOn", "2026-11-28"))));
        return claim.get("claimId").asText();
    }

    private static JsonNode send(HttpClient http, String url, String token, Object body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /**
     * Requests per second and p99 in ms, from wrk with two threads and {@link #CONNECTIONS} connections (a slow
     * answer counts as latency up to a minute, not as a socket error).
     */
    static double[] wrk(String url, int seconds) throws IOException, InterruptedException {
        Process wrk = new ProcessBuilder("wrk", "-t2", "-c" + CONNECTIONS, "-d" + seconds + "s", "--timeout", "60s",
                "--latency", url)
                .redirectErrorStream(true).start();
        String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (wrk.waitFor() != 0) {
            throw new IllegalStateException("wrk failed: " + output);
        }
        return parse(output);
    }

    static double[] parse(String wrkOutput) {
        Matcher requests = REQUESTS.matcher(wrkOutput);
        Matcher p99 = P99.matcher(wrkOutput);
        if (!requests.find() || !p99.find()) {
            throw new IllegalStateException("cannot read wrk's output: " + wrkOutput);
        }
        Matcher errors = NON_2XX.matcher(wrkOutput);
        if (errors.find()) {
            throw new IllegalStateException(errors.group(1) + " answers were not 2xx: " + wrkOutput);
        }
        // timed-out requests are missing from wrk's latency distribution: a run with them understates p99
        Matcher socketErrors = SOCKET_ERRORS.matcher(wrkOutput);
        if (socketErrors.find()) {
            throw new IllegalStateException("socket errors (" + socketErrors.group(1) + "): " + wrkOutput);
        }
        double value = Double.parseDouble(p99.group(1));
        double millis = switch (p99.group(2)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
        return new double[] {Double.parseDouble(requests.group(1)), millis};
    }

    private static String report(List<Result> results, int seconds) {
        StringBuilder md = new StringBuilder("# Read path\n\n").append(BenchCharts.machine()).append("\n\n")
                .append("`wrk -t2 -c").append(CONNECTIONS).append(" -d").append(seconds).append("s --latency` against the ")
                .append("platform on the embedded default (no token: public reads), and, just before, against a Vert.x ")
                .append("route in the same process that answers a constant body of the same size (the baseline). wrk ")
                .append("runs on the same cores as the platform; each read is warmed up for 2 s first.\n\n")
                .append("| read | body | requests/s | p99 ms | baseline requests/s | baseline p99 ms | ratio |\n")
                .append("|---|---|---|---|---|---|---|\n");
        for (Result r : results) {
            md.append(String.format(Locale.ROOT, "| %s | %d B | %.0f | %.1f | %.0f | %.1f | %.1f%% |%n", r.what(),
                    r.bodyBytes(), r.requestsPerSecond(), r.p99Millis(), r.baselinePerSecond(), r.baselineP99Millis(),
                    100 * r.requestsPerSecond() / r.baselinePerSecond()));
        }
        md.append("\nGoals (issue 7): at least 40% of the baseline and p99 under 20 ms.\n\n![](read.svg)\n");
        return md.toString();
    }
}
