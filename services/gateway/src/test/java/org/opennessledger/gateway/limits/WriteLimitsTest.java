package org.opennessledger.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WriteLimitsTest {

    @Test
    void theWindowIsWordedForTheRefusal() {
        assertThat(new WriteLimits(5, 8).windowInWords()).isEqualTo("a minute");
        assertThat(new WriteLimits(5, 8, Duration.ofHours(1)).windowInWords()).isEqualTo("per 60 minutes");
        assertThat(new WriteLimits(5, 8, Duration.ofSeconds(30)).windowInWords()).isEqualTo("per 30 seconds");
    }

    @Test
    void limitsAndWindowMustBePositive() {
        assertThatThrownBy(() -> new WriteLimits(0, 8)).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> new WriteLimits(5, 8, Duration.ZERO)).hasMessageContaining("window must be positive");
    }
}
