package org.opennessledger.platform.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReadBenchTest {

    private static String wrkOutput(String p99, String extra) {
        return "Running 5s test @ http://127.0.0.1:1/api/models\n"
                + "  2 threads and 64 connections\n"
                + "  Thread Stats   Avg      Stdev     Max   +/- Stdev\n"
                + "    Latency    79.10ms   20.00ms 200.00ms   70.00%\n"
                + "  Latency Distribution\n"
                + "     50%   75.00ms\n     75%   85.00ms\n     90%  100.00ms\n     99%  " + p99 + "\n"
                + "  4015 requests in 5.00s, 50.00MB read\n" + extra
                + "Requests/sec:    803.00\nTransfer/sec:     10.00MB\n";
    }

    @Test
    void readsRequestsPerSecondAndTheP99InMilliseconds() {
        assertThat(ReadBench.parse(wrkOutput("154.00ms", ""))).containsExactly(803.0, 154.0);
        assertThat(ReadBench.parse(wrkOutput("850.00us", ""))).containsExactly(803.0, 0.85);
        assertThat(ReadBench.parse(wrkOutput("1.20s", ""))).containsExactly(803.0, 1200.0);
    }

    @Test
    void aRunWithErrorAnswersIsNotAMeasurement() {
        assertThatThrownBy(() -> ReadBench.parse(wrkOutput("1.00ms", "  Non-2xx or 3xx responses: 12\n")))
                .hasMessageContaining("12 answers were not 2xx");
        assertThatThrownBy(() -> ReadBench.parse("wrk: connection refused")).hasMessageContaining("cannot read");
    }
}
