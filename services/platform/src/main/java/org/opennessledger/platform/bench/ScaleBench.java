package org.opennessledger.platform.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.opennessledger.platform.Platform;
import org.opennessledger.platform.PlatformSettings;

/**
 * How cost grows with the data. The event store is grown to each size in turn ({@link StoreGrowth}), and
 * at each size, with the platform in this JVM:
 * <ul>
 *   <li>projection lag: reviews sent in-process so that {@value #LAG_EVENTS_PER_SECOND} events a second are stored; for each,
 *       the time from its command's return (its events stored) until every read model has handled them;</li>
 *   <li>the write path: {@link WriteBench}'s measurement at {@value #WRITE_CLIENTS} clients, raw inserts beside it;</li>
 *   <li>the read path: wrk on the model list, a model page and a claim page;</li>
 * </ul>
 * then the platform alone in a JVM of its own ({@code LEDGER_BENCH_PLATFORM_JAVA_OPTS}, default
 * {@value #PLATFORM_JAVA_OPTS}): cold start until {@code /health} answers, a rebuild of every read model
 * through the admin API (replay), one request for the model list and one for the matrix (they grow with the
 * families) and one for the newest page of the whole history, and that process's peak resident memory. Writes
 * {@code target/bench/scale.md} and {@code scale.svg}.
 * <p>
 * Growing a million events takes most of an hour, so a store can be kept and grown or measured again:
 * {@code LEDGER_BENCH_STORE} names its directory (created when missing, never deleted; the next run takes over
 * its claims and grows on from its size), and {@code LEDGER_BENCH_GROW_ONLY=1} with it only grows, leaving the
 * read models to catch up when the store is measured.
 *
 * <pre>java -cp openness-ledger-platform.jar org.opennessledger.platform.bench.ScaleBench [sizes, e.g. 10000,100000,1000000]</pre>
 */
public final class ScaleBench {

    private static final int LAG_EVENTS_PER_SECOND = 500;
    private static final int LAG_SECONDS = 15;
    private static final int WRITE_CLIENTS = 8;
    private static final int SECONDS = 10;
    private static final String PLATFORM_JAVA_OPTS = "-Xmx512m";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** {@code unseen}: reviews the read models had not handled 60 s after the window (not in the percentiles). */
    record Lag(double eventsPerSecond, long p50Micros, long p99Micros, long maxMicros, int samples, int unseen) {

        String unseenNote() {
            return unseen == 0 ? "" : String.format(Locale.ROOT, "; %,d of %,d reviews not within 60 s", unseen,
                    samples + unseen);
        }
    }

    /** {@code note}: why wrk measured nothing (then the rates are 0), else null. */
    record Read(String what, double requestsPerSecond, double p99Millis, int bodyBytes, double aloneMillis, String note) {
    }

    record Alone(double coldStartSeconds, long events, double replayEventsPerSecond, double replaySeconds,
                 List<Whole> wholeReads, long peakRssMb, String javaOptions) {
    }

    /** One request alone for a whole list or the history's newest page on the platform alone: status, time, size. */
    record Whole(String what, int status, double seconds, long bytes) {
    }

    /**
     * {@code events}: the store when this size's measurements began (they add events of their own);
     * {@code eventStoreBytes}: the embedded event store's files then.
     */
    record Size(long events, long eventStoreBytes, double growCommandsPerSecond, Lag lag, WriteBench.Level write,
                List<Read> reads, Alone alone) {
    }

    public static void main(String[] args) throws Exception {
        List<Long> sizes = Arrays.stream((args.length > 0 ? args[0] : "10000,100000,1000000").split(","))
                .map(String::trim).map(Long::parseLong).sorted().toList();
        String keycloak = System.getenv().getOrDefault("LEDGER_KEYCLOAK_URL", "http://127.0.0.1:8180");
        Path out = Path.of(System.getenv().getOrDefault("LEDGER_BENCH_OUT", "target/bench"));
        Files.createDirectories(out);
        String keptStore = System.getenv("LEDGER_BENCH_STORE");
        if (keptStore == null) {
            try (TemporaryStore store = TemporaryStore.create("scale")) {
                measure(store.directory(), false, false, sizes, keycloak, out);
            }
        } else {
            Path dataDir = Files.createDirectories(Path.of(keptStore));
            measure(dataDir, true, "1".equals(System.getenv("LEDGER_BENCH_GROW_ONLY")), sizes, keycloak, out);
            System.out.println("kept the grown store in " + dataDir);
        }
    }

    /** Grows the store in {@code dataDir} to each size in turn (taking over a kept one) and measures there. */
    private static void measure(Path dataDir, boolean kept, boolean growOnly, List<Long> sizes, String keycloak, Path out)
            throws Exception {
        PlatformSettings settings = BenchCharts.embeddedPlatform(dataDir);
        StoreGrowth growth = new StoreGrowth();
        if (kept) {
            try (Platform platform = Platform.start(settings)) {
                platform.awaitReadModels(Duration.ofHours(2));
                int adopted = growth.adoptClaims(platform);
                System.out.printf(Locale.ROOT, "resuming on %s: %,d events, %,d claims%n", dataDir,
                        StoreGrowth.eventCount(platform), adopted);
            }
        }
        List<Size> results = new ArrayList<>();
        for (long size : sizes) {
            double growRate;
            long events;
            long eventStoreBytes;
            Lag lag;
            WriteBench.Level write;
            List<Read> reads;
            try (Platform platform = Platform.start(settings)) {
                growRate = growth.growTo(platform, size);
                if (growOnly) {
                    long grown = StoreGrowth.eventCount(platform);
                    long bytes = directorySize(dataDir.resolve("eventstore"));
                    System.out.printf(Locale.ROOT, "grown to %,d events (%.0f commands/s); event store %,d MB (%.1f KB/event);"
                            + " kept in %s%n", grown, growRate, bytes >> 20, bytes / 1024.0 / grown, dataDir);
                    continue; // the read models catch up when the store is measured
                }
                platform.awaitReadModels(Duration.ofHours(2));
                events = StoreGrowth.eventCount(platform);
                eventStoreBytes = directorySize(dataDir.resolve("eventstore"));
                System.out.printf(Locale.ROOT, "grown to %,d events (%.0f commands/s); event store %,d MB (%.1f KB/event)%n",
                        events, growRate, eventStoreBytes >> 20, eventStoreBytes / 1024.0 / events);
                lag = lag(platform, growth);
                System.out.printf(Locale.ROOT, "  lag at %.0f events/s: p50 %.1f ms, p99 %.1f ms%s%n", lag.eventsPerSecond(),
                        lag.p50Micros() / 1000.0, lag.p99Micros() / 1000.0, lag.unseenNote());
                platform.awaitReadModels(Duration.ofHours(2)); // the write path starts on caught-up read models
                write = WriteBench.measure(platform, keycloak, WRITE_CLIENTS, SECONDS);
                System.out.printf(Locale.ROOT, "  write at %d clients: %.0f commands/s, p99 %.1f ms%n", WRITE_CLIENTS,
                        write.commandsPerSecond(), write.p99Micros() / 1000.0);
                reads = reads(platform, growth);
                platform.awaitReadModels(Duration.ofHours(2));
            }
            Alone alone = alone(dataDir, keycloak, out.resolve("scale-platform-alone.log"));
            System.out.printf(Locale.ROOT, "  alone (%s): cold start %.1f s; replay of %,d events %.0f events/s; "
                            + "%s; peak RSS %d MB%n", alone.javaOptions(), alone.coldStartSeconds(), alone.events(),
                    alone.replayEventsPerSecond(), wholeReads(alone), alone.peakRssMb());
            results.add(new Size(events, eventStoreBytes, growRate, lag, write, reads, alone));
            Files.writeString(out.resolve("scale.md"), report(results)); // after each size: a long run keeps its figures
        }
        if (growOnly) {
            return;
        }
        Files.writeString(out.resolve("scale.svg"), BenchCharts.bars("Cost as the store grows (relative to the smallest)",
                "smallest size = 1", results.stream().map(r -> String.format(Locale.ROOT, "%,d events", r.events())).toList(),
                List.of("write commands/s", "model list req/s", "claim page req/s", "replay events/s"),
                List.of(relative(results, r -> r.write().commandsPerSecond()),
                        relative(results, r -> r.reads().get(2).requestsPerSecond()),
                        relative(results, r -> r.reads().get(0).requestsPerSecond()),
                        relative(results, r -> r.alone().replayEventsPerSecond()))));
        System.out.println("wrote " + out.resolve("scale.md") + " and scale.svg");
    }

    /**
     * Reviews storing a steady {@value #LAG_EVENTS_PER_SECOND} events a second from two senders for {@value #LAG_SECONDS} s,
     * while a watcher polls the read models' position about every 0.2 ms. A review's lag runs from the return of
     * its command (events committed) to the first poll that finds every read model past the head read right
     * after it (an event of the other sender in between can only lengthen it).
     */
    static Lag lag(Platform platform, StoreGrowth growth) throws Exception {
        CommandGateway commands = platform.axon().commandGateway();
        ConcurrentLinkedQueue<long[]> pending = new ConcurrentLinkedQueue<>();
        List<Long> lags = new ArrayList<>();
        AtomicBoolean sending = new AtomicBoolean(true);
        Thread watcher = new Thread(() -> {
            long giveUp = Long.MAX_VALUE;
            while (sending.get() || (!pending.isEmpty() && System.nanoTime() < giveUp)) {
                if (!sending.get() && giveUp == Long.MAX_VALUE) {
                    giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                }
                long reached = platform.readModelsPosition();
                long now = System.nanoTime();
                for (Iterator<long[]> it = pending.iterator(); it.hasNext(); ) {
                    long[] entry = it.next();
                    if (entry[0] <= reached) {
                        lags.add((now - entry[1]) / 1000);
                        it.remove();
                    }
                }
                LockSupport.parkNanos(200_000);
            }
        }, "lag-watcher");
        watcher.start();
        long eventsBefore = StoreGrowth.eventCount(platform);
        // Paced by events, not commands: a review stores one event, or several when it changes the claim's status.
        // The head is read once per review (it is needed for the lag anyway), not while waiting: polling the
        // database every 0.2 ms would load the machine being measured.
        long headBefore = platform.eventStoreHead();
        AtomicLong storedHead = new AtomicLong(headBefore);
        long started = System.nanoTime();
        long end = started + TimeUnit.SECONDS.toNanos(LAG_SECONDS);
        List<Thread> senders = new ArrayList<>();
        for (int s = 0; s < 2; s++) {
            Thread sender = new Thread(() -> {
                long now;
                while ((now = System.nanoTime()) < end) {
                    long allowed = (now - started) * LAG_EVENTS_PER_SECOND / 1_000_000_000L;
                    if (storedHead.get() - headBefore >= allowed) {
                        LockSupport.parkNanos(200_000);
                    } else if (growth.review(commands)) {
                        long head = platform.eventStoreHead();
                        pending.add(new long[] {head, System.nanoTime()});
                        storedHead.accumulateAndGet(head, Math::max);
                    }
                }
            }, "lag-sender-" + s);
            sender.start();
            senders.add(sender);
        }
        for (Thread sender : senders) {
            sender.join();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long events = StoreGrowth.eventCount(platform) - eventsBefore;
        sending.set(false);
        watcher.join();
        // A lag past the watch is a figure too (the read models cannot keep up), not a reason to end the run.
        List<Long> sorted = new ArrayList<>(lags);
        sorted.sort(null);
        return new Lag(events / seconds, BenchCharts.percentile(sorted, 0.50), BenchCharts.percentile(sorted, 0.99),
                sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1), sorted.size(), pending.size());
    }

    /**
     * The claim page, the model page, then the model list (it grows with the families, and a slow one keeps the
     * server busy after wrk stops): one request alone, then wrk. A wrk run that fails (e.g. not one answer within
     * its time) is reported as not measured, with wrk's reason, instead of ending the benchmark.
     */
    private static List<Read> reads(Platform platform, StoreGrowth growth) throws Exception {
        String base = "http://127.0.0.1:" + platform.httpPort();
        HttpClient http = HttpClient.newHttpClient();
        String claimId = growth.claims().get(growth.claims().size() / 2);
        JsonNode claim = JSON.readTree(get(http, base + "/api/claims/" + claimId));
        List<Read> reads = new ArrayList<>();
        for (String[] target : new String[][] {{"GET /api/claims/{id}", "/api/claims/" + claimId},
                {"GET /api/models/{id}", "/api/models/" + claim.get("modelId").asText()},
                {"GET /api/models", "/api/models"}}) {
            long t0 = System.nanoTime();
            int bytes = get(http, base + target[1]).length;
            double aloneMillis = (System.nanoTime() - t0) / 1e6;
            Read read;
            try {
                if (aloneMillis < 1000) {
                    ReadBench.wrk(base + target[1], 2); // warm-up
                }
                double[] measured = ReadBench.wrk(base + target[1], SECONDS);
                read = new Read(target[0], measured[0], measured[1], bytes, aloneMillis, null);
            } catch (IllegalStateException failed) {
                read = new Read(target[0], 0, 0, bytes, aloneMillis, failed.getMessage().lines().findFirst().orElse("?"));
            }
            reads.add(read);
            System.out.printf(Locale.ROOT, "  %s (%,d bytes, alone %.1f ms): %s%n", target[0], bytes, aloneMillis,
                    read.note() == null ? String.format(Locale.ROOT, "%.0f req/s, p99 %.1f ms", read.requestsPerSecond(),
                            read.p99Millis()) : "wrk: " + read.note());
        }
        return reads;
    }

    private static byte[] get(HttpClient http, String url) throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode());
        }
        return response.body();
    }

    /** The platform alone in a new JVM on the grown store: cold start, a rebuild through the API, peak RSS. */
    private static Alone alone(Path dataDir, String keycloak, Path log) throws Exception {
        String javaOptions = System.getenv().getOrDefault("LEDGER_BENCH_PLATFORM_JAVA_OPTS", PLATFORM_JAVA_OPTS);
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(Arrays.stream(javaOptions.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.opennessledger.platform.Main"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()); // beside the report: a failed run deletes its temporary store
        Map<String, String> env = builder.environment();
        BenchCharts.useEmbeddedStores(env, dataDir);
        env.put("LEDGER_HTTP_PORT", Integer.toString(port));
        env.put("LEDGER_KEYCLOAK_URL", keycloak);
        env.put("LEDGER_LOG_LEVEL", "WARN");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long started = System.nanoTime();
        Process platform = builder.start();
        try {
            String base = "http://127.0.0.1:" + port;
            while (!healthy(http, base)) {
                if (!platform.isAlive()) {
                    throw new IllegalStateException("the platform exited with " + platform.exitValue() + "; see " + log);
                }
                if (System.nanoTime() - started > TimeUnit.MINUTES.toNanos(10)) {
                    throw new IllegalStateException("the platform was not healthy within 10 minutes");
                }
                Thread.sleep(20);
            }
            double coldStart = (System.nanoTime() - started) / 1e9;
            HttpResponse<String> rebuilt = http.send(HttpRequest.newBuilder(URI.create(base + "/api/admin/read-models/rebuild"))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + DevRealmTokens.token(keycloak, "ada"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"benchmark: replay by the platform alone\"}",
                            StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
            if (rebuilt.statusCode() != 200) {
                throw new IllegalStateException("the rebuild answered " + rebuilt.statusCode() + ": " + rebuilt.body());
            }
            JsonNode report = JSON.readTree(rebuilt.body());
            long replayPeakRss = StoreGrowth.peakRssMb(Long.toString(platform.pid()));
            // After the replay, within the same bounded heap: do the lists that grow with the families, and the
            // newest page of the whole history (one entry per event), still answer? Status 0: no answer at all.
            List<Whole> wholeReads = new ArrayList<>();
            for (String path : List.of("/api/models", "/api/matrix", "/api/history?limit=50")) {
                long t0 = System.nanoTime();
                try {
                    HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(URI.create(base + path))
                            .timeout(Duration.ofMinutes(5)).build(), HttpResponse.BodyHandlers.ofByteArray());
                    wholeReads.add(new Whole("GET " + path, answer.statusCode(), (System.nanoTime() - t0) / 1e9,
                            answer.body().length));
                } catch (IOException noAnswer) {
                    wholeReads.add(new Whole("GET " + path, 0, (System.nanoTime() - t0) / 1e9, 0));
                }
            }
            // a platform that died on a read has no /proc entry left: then the peak seen after the replay
            long peakRss = platform.isAlive() ? StoreGrowth.peakRssMb(Long.toString(platform.pid())) : replayPeakRss;
            return new Alone(coldStart, report.get("events").asLong(), report.get("eventsPerSecond").asDouble(),
                    report.get("millis").asLong() / 1000.0, wholeReads, peakRss, javaOptions);
        } finally {
            platform.destroy();
            if (!platform.waitFor(60, TimeUnit.SECONDS)) {
                platform.destroyForcibly().waitFor();
            }
        }
    }

    /** The bytes of the files in a directory (the embedded event store: its H2 file). */
    private static long directorySize(Path directory) throws java.io.IOException {
        try (var files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        }
    }

    private static boolean healthy(HttpClient http, String base) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base + "/health")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (Exception notYet) {
            return false;
        }
    }

    private static String cell(Read read) {
        String alone = String.format(Locale.ROOT, "%.1f; %d", read.aloneMillis(), read.bodyBytes() / 1024);
        return read.note() != null ? "not measured (wrk: " + read.note().replace("|", "/") + "; " + alone + ")"
                : String.format(Locale.ROOT, "%.0f (%.1f; %s)", read.requestsPerSecond(), read.p99Millis(), alone);
    }

    private static String wholeReads(Alone alone) {
        return String.join(", ", alone.wholeReads().stream().map(w -> String.format(Locale.ROOT, "%s %s in %.1f s (%,d KB)",
                w.what(), w.status() == 0 ? "no answer" : Integer.toString(w.status()), w.seconds(), w.bytes() / 1024))
                .toList());
    }

    private static List<Double> relative(List<Size> results, java.util.function.ToDoubleFunction<Size> figure) {
        double first = figure.applyAsDouble(results.get(0));
        return results.stream().map(r -> first == 0 ? 0 : figure.applyAsDouble(r) / first).toList();
    }

    private static String report(List<Size> results) {
        StringBuilder md = new StringBuilder("# Cost as the store grows\n\n").append(BenchCharts.machine()).append("\n\n")
                .append("One embedded store grown to each size in turn by commands sent in-process (families of a release and ")
                .append(StoreGrowth.CLAIMS_PER_FAMILY).append(" claims, then mostly reviews by ").append(StoreGrowth.REVIEWERS)
                .append(" reviewers; so the number of families grows with the store). At each size, with the platform ")
                .append("inside the benchmark's JVM: projection lag while reviews store ").append(LAG_EVENTS_PER_SECOND)
                .append(" events a second for ").append(LAG_SECONDS).append(" s (from a command's return, its events stored, to every read model having handled them; ")
                .append("polled about every 0.2 ms), the write path at ").append(WRITE_CLIENTS)
                .append(" clients through the API with raw JDBC inserts beside it, and the read path with wrk at 64 ")
                .append("connections. Then the platform alone in a JVM of its own: cold start until `/health` answers, a ")
                .append("rebuild of every read model through `POST /api/admin/read-models/rebuild` (replay), and that ")
                .append("process's peak resident memory (VmHWM) over start, replay and then one request alone for the ")
                .append("model list and one for the matrix (both grow with the families), then the newest 50 entries of the "
                        + "whole history.\n\n")
                .append("| events when measured | event store MB (KB/event) | lag at events/s | lag p50 / p99 / max ms | write commands/s (p99 ms) | raw inserts rows/s | ")
                .append("model list req/s (p99 ms; one alone ms; KB) | model page (same) | claim page (same) | ")
                .append("cold start s | replay: events/s (events, s) | alone after replay: status in s (KB) | peak RSS MB (options) |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Size r : results) {
            Read claim = r.reads().get(0);
            Read model = r.reads().get(1);
            Read list = r.reads().get(2);
            md.append(String.format(Locale.ROOT,
                    "| %,d | %,d (%.1f) | %.0f | %.1f / %.1f / %.1f%s | %.0f (%.0f) | %.0f | %s | %s | %s "
                            + "| %.1f | %.0f (%,d, %.0f) | %s | %d (`%s`) |%n",
                    r.events(), r.eventStoreBytes() >> 20, r.eventStoreBytes() / 1024.0 / r.events(), r.lag().eventsPerSecond(), r.lag().p50Micros() / 1000.0, r.lag().p99Micros() / 1000.0,
                    r.lag().maxMicros() / 1000.0, r.lag().unseenNote(), r.write().commandsPerSecond(), r.write().p99Micros() / 1000.0,
                    r.write().rawRowsPerSecond(), cell(list), cell(model), cell(claim),
                    r.alone().coldStartSeconds(), r.alone().replayEventsPerSecond(), r.alone().events(), r.alone().replaySeconds(),
                    wholeReads(r.alone()), r.alone().peakRssMb(), r.alone().javaOptions()));
        }
        if (results.size() > 1) {
            Size first = results.get(0);
            Size last = results.get(results.size() - 1);
            md.append(String.format(Locale.ROOT, "%nFrom %,d to %,d events (%.0f×): write %.2f×, model list %.2f×, claim "
                            + "page %.2f×, lag p99 %.2f×, replay rate %.2f×, replay time %.1f× (each: the largest size over "
                            + "the smallest).%n", first.events(), last.events(), (double) last.events() / first.events(),
                    last.write().commandsPerSecond() / first.write().commandsPerSecond(),
                    last.reads().get(2).requestsPerSecond() / first.reads().get(2).requestsPerSecond(),
                    last.reads().get(0).requestsPerSecond() / first.reads().get(0).requestsPerSecond(),
                    (double) last.lag().p99Micros() / Math.max(1, first.lag().p99Micros()),
                    last.alone().replayEventsPerSecond() / first.alone().replayEventsPerSecond(),
                    last.alone().replaySeconds() / first.alone().replaySeconds()));
        }
        md.append("\nGoals (issue 7): projection lag p99 < 200 ms at 500 events/s; replay >= 10,000 events/s growing ")
                .append("linearly; peak RSS < 768 MB at 1M events.\n\n![](scale.svg)\n");
        return md.toString();
    }

    private ScaleBench() {
    }
}
