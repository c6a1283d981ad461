package org.opennessledger.platform.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class BenchChartsTest {

    @Test
    void barsAreAsTallAsTheirValuesAndTextIsEscaped() {
        String svg = BenchCharts.bars("API <vs> raw & more", "per second", List.of("1 client", "8 clients"),
                List.of("api", "raw"), List.of(List.of(50.0, 100.0), List.of(200.0, 0.0)));

        Matcher heights = Pattern.compile("<rect x=\"[0-9.]+\" y=\"[0-9.]+\" width=\"[0-9.]+\" height=\"([0-9.]+)\" fill=\"[^\"]+\"><title>")
                .matcher(svg);
        double[] bars = heights.results().mapToDouble(m -> Double.parseDouble(m.group(1))).toArray();
        // api 1 client, raw 1 client, api 8 clients, raw 8 clients; the tallest (200) fills the plot (250 px)
        assertThat(bars).containsExactly(62.5, 250.0, 125.0, 0.0);
        assertThat(svg).contains("API &lt;vs&gt; raw &amp; more").doesNotContain("<vs>");
    }

    @Test
    void theMachineLineNamesCoresMemoryAndJdk() {
        assertThat(BenchCharts.machine()).matches("Machine: \\d+ cores, [0-9.]+ GB memory, .+ 1?\\d[.0-9]* .+; measured .+Z\\.");
    }

    @Test
    void percentilesAreNearestRankOfTheSortedValues() {
        List<Long> oneToHundred = java.util.stream.LongStream.rangeClosed(1, 100).boxed().toList();
        assertThat(BenchCharts.percentile(oneToHundred, 0.50)).isEqualTo(50);
        assertThat(BenchCharts.percentile(oneToHundred, 0.99)).isEqualTo(99);
        assertThat(BenchCharts.percentile(List.of(7L, 9L, 12L), 0.50)).isEqualTo(9);
        assertThat(BenchCharts.percentile(List.of(), 0.99)).isZero();
    }
}
