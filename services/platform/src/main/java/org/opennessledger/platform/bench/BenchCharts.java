package org.opennessledger.platform.bench;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;

/** What every benchmark shares: its platform's settings, the machine line its report starts with, and SVG bar charts. */
final class BenchCharts {

    private static final String[] COLOURS = {"#12355b", "#c8781e", "#4f8a3c", "#8a3c6e"};

    private BenchCharts() {
    }

    /**
     * Settings for a platform on the embedded defaults in {@code dataDir}, on a free port, whatever this shell
     * points the stores at, and with write limits out of the way of the load.
     */
    static org.opennessledger.platform.PlatformSettings embeddedPlatform(java.nio.file.Path dataDir) {
        java.util.Map<String, String> env = new java.util.HashMap<>(System.getenv());
        useEmbeddedStores(env, dataDir);
        env.put("LEDGER_HTTP_PORT", "0");
        return org.opennessledger.platform.PlatformSettings.fromEnvironment(env);
    }

    /**
     * Points an environment at the embedded stores in {@code dataDir}, whatever it named before, and
     * lifts the write limits out of the way of the load.
     */
    static void useEmbeddedStores(java.util.Map<String, String> env, java.nio.file.Path dataDir) {
        env.remove("LEDGER_EVENTSTORE_URL");
        env.remove("LEDGER_MONGO_URL");
        env.put("LEDGER_DATA_DIR", dataDir.toString());
        env.put("LEDGER_WRITES_PER_MINUTE_PER_PERSON", "100000000");
        env.put("LEDGER_WRITES_PER_MINUTE_PER_ADDRESS", "100000000");
    }

    /** The value at quantile {@code p} (0..1] of ascending {@code sorted} values; 0 when there are none. */
    static long percentile(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    /** Cores, memory and JDK of this machine, and when: benchmark figures mean nothing without them. */
    static String machine() {
        long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        return String.format(Locale.ROOT, "Machine: %d cores, %.1f GB memory, %s %s (%s), %s; measured %s.",
                Runtime.getRuntime().availableProcessors(), memory / 1e9, System.getProperty("java.vm.name"),
                System.getProperty("java.version"), System.getProperty("java.vendor"), System.getProperty("os.name"),
                java.time.Instant.now().toString().substring(0, 19) + "Z");
    }

    /** Groups of bars, one bar per series in each group, with a legend; values must not be negative. */
    static String bars(String title, String unit, List<String> groups, List<String> series, List<List<Double>> values) {
        double max = values.stream().flatMap(List::stream).mapToDouble(Double::doubleValue).max().orElse(1);
        int width = 720;
        int height = 360;
        int left = 70;
        int bottom = 300;
        int top = 50;
        double groupWidth = (width - left - 20.0) / groups.size();
        double barWidth = groupWidth * 0.8 / series.size();
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" "
                        + "font-size=\"12\">%n<rect width=\"100%%\" height=\"100%%\" fill=\"#fff\"/>%n"
                        + "<text x=\"%d\" y=\"22\" font-size=\"15\" font-weight=\"bold\">%s</text>%n"
                        + "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#555\"/>%n",
                width, height, left, escape(title), left, bottom, width - 20, bottom));
        for (int tick = 0; tick <= 4; tick++) {
            double value = max * tick / 4;
            double y = bottom - (bottom - top) * tick / 4.0;
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n"
                    + "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>%n", left - 6, y + 4,
                    compact(value), left, y, width - 20, y));
        }
        for (int g = 0; g < groups.size(); g++) {
            double x0 = left + g * groupWidth + groupWidth * 0.1;
            for (int s = 0; s < series.size(); s++) {
                double value = values.get(s).get(g);
                double h = (bottom - top) * value / max;
                svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                                + "fill=\"%s\"><title>%s, %s: %s %s</title></rect>%n", x0 + s * barWidth, bottom - h,
                        barWidth - 2, h, COLOURS[s % COLOURS.length], escape(series.get(s)), escape(groups.get(g)),
                        compact(value), escape(unit)));
            }
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                    x0 + groupWidth * 0.4, bottom + 18, escape(groups.get(g))));
        }
        for (int s = 0; s < series.size(); s++) {
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                            + "<text x=\"%d\" y=\"%d\">%s</text>%n", left + s * 220, height - 24,
                    COLOURS[s % COLOURS.length], left + s * 220 + 18, height - 14, escape(series.get(s))));
        }
        return svg.append(String.format(Locale.ROOT, "<text x=\"12\" y=\"%d\" transform=\"rotate(-90 12 %d)\">%s</text>%n",
                (top + bottom) / 2, (top + bottom) / 2, escape(unit))).append("</svg>\n").toString();
    }

    private static String compact(double value) {
        return value >= 10_000 ? String.format(Locale.ROOT, "%.0fk", value / 1000)
                : String.format(Locale.ROOT, value >= 100 ? "%.0f" : "%.1f", value);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
