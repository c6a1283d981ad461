package org.opennessledger.platform.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.opennessledger.contracts.views.RebuildReportView;
import org.opennessledger.platform.Platform;
import org.opennessledger.platform.PlatformSettings;

/**
 * Replay: the event store grown to each size in turn (families, releases, claims and mostly reviews,
 * through the command bus in-process, as the API would send them), then every read model rebuilt
 * from it; events per second at each size, the in-process command rate while growing it, the start-up
 * time of a platform on that store, and this JVM's peak resident memory. Writes
 * {@code target/bench/replay.md} and {@code target/bench/replay.svg}.
 *
 * <pre>java -cp openness-ledger-platform.jar org.opennessledger.platform.bench.ReplayBench [sizes, e.g. 10000,100000]</pre>
 */
public final class ReplayBench {

    record Size(long events, double commandsPerSecond, RebuildReportView rebuild, double startSeconds, long peakRssMb) {
    }

    public static void main(String[] args) throws Exception {
        List<Long> sizes = Arrays.stream((args.length > 0 ? args[0] : "10000,100000").split(","))
                .map(String::trim).map(Long::parseLong).sorted().toList();
        Path out = Path.of(System.getenv().getOrDefault("LEDGER_BENCH_OUT", "target/bench"));
        Files.createDirectories(out);
        List<Size> results = new ArrayList<>();
        StoreGrowth growth = new StoreGrowth();
        try (TemporaryStore store = TemporaryStore.create("replay")) {
            measure(store.platformSettings(), sizes, growth, results);
        }
        Files.writeString(out.resolve("replay.md"), report(results));
        Files.writeString(out.resolve("replay.svg"), BenchCharts.bars("Rebuilding every read model from the event store",
                "events per second", results.stream().map(r -> String.format(Locale.ROOT, "%,d events", r.events())).toList(),
                List.of("replayed into the read models"),
                List.of(results.stream().map(r -> r.rebuild().eventsPerSecond()).toList())));
        System.out.println("wrote " + out.resolve("replay.md") + " and replay.svg");
    }

    /** Grows the one store to each size in turn and rebuilds its read models there. */
    private static void measure(PlatformSettings settings, List<Long> sizes, StoreGrowth growth, List<Size> results)
            throws Exception {
        for (long size : sizes) {
            double commandsPerSecond;
            try (Platform platform = Platform.start(settings)) {
                commandsPerSecond = growth.growTo(platform, size);
                platform.awaitReadModels(Duration.ofHours(2));
            }
            long started = System.nanoTime();
            try (Platform platform = Platform.start(settings)) {
                double startSeconds = (System.nanoTime() - started) / 1e9;
                RebuildReportView rebuild = platform.rebuildReadModels("benchmark: replay at " + size + " events");
                results.add(new Size(StoreGrowth.eventCount(platform), commandsPerSecond, rebuild, startSeconds,
                        StoreGrowth.peakRssMb("self")));
                Size last = results.get(results.size() - 1);
                System.out.printf(Locale.ROOT, "%d events: rebuild %.0f events/s (%d documents, %.1f s); start %.1f s; "
                                + "growing it %.0f commands/s; peak RSS %d MB%n", last.events(), rebuild.eventsPerSecond(),
                        rebuild.documents(), rebuild.millis() / 1000.0, startSeconds, commandsPerSecond, last.peakRssMb());
            }
        }
    }

    private static String report(List<Size> results) {
        StringBuilder md = new StringBuilder("# Replay\n\n").append(BenchCharts.machine()).append("\n\n")
                .append("The embedded event store grown to each size by commands sent in-process (families of a release ")
                .append("and ").append(StoreGrowth.CLAIMS_PER_FAMILY).append(" claims; then mostly reviews by ").append(StoreGrowth.REVIEWERS)
                .append(" reviewers), then every read model dropped and rebuilt from it (`rebuildReadModels`, as ")
                .append("`./ledger rebuild`). Start-up: a platform opened again on that store until it serves, in this ")
                .append("already warm JVM (a cold JVM takes longer). Peak RSS: this JVM's high-water mark over the whole ")
                .append("run, growth included, with the JVM's default heap sizing (the benchmark and the platform share ")
                .append("it): an upper bound, not the platform's need. The smallest size is rebuilt with a colder JIT.\n\n")
                .append("| events | rebuild events/s | rebuild s | documents | growing it, commands/s | start-up s | peak RSS MB |\n")
                .append("|---|---|---|---|---|---|---|\n");
        for (Size r : results) {
            md.append(String.format(Locale.ROOT, "| %,d | %.0f | %.1f | %,d | %.0f | %.1f | %d |%n", r.events(),
                    r.rebuild().eventsPerSecond(), r.rebuild().millis() / 1000.0, r.rebuild().documents(),
                    r.commandsPerSecond(), r.startSeconds(), r.peakRssMb()));
        }
        if (results.size() > 1) {
            Size first = results.get(0);
            Size last = results.get(results.size() - 1);
            md.append(String.format(Locale.ROOT, "%nGrowth: %.1f× the events took %.1f× the rebuild time (linear would be %.1f×).%n",
                    (double) last.events() / first.events(), (double) last.rebuild().millis() / first.rebuild().millis(),
                    (double) last.events() / first.events()));
        }
        md.append("\nGoals (issue 7): at least 10,000 events/s, growing linearly; peak RSS under 768 MB at 1M events.\n\n")
                .append("![](replay.svg)\n");
        return md.toString();
    }
}
