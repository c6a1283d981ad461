package org.opennessledger.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Settings come from the environment with embedded defaults; a bad value names its variable. */
class PlatformSettingsTest {

    @Test
    void withoutAnyVariableTheEmbeddedDefaultsApply() {
        PlatformSettings settings = PlatformSettings.fromEnvironment(Map.of());

        assertThat(settings.httpHost()).isEqualTo("127.0.0.1");
        assertThat(settings.httpPort()).isEqualTo(8080);
        assertThat(settings.keycloakUrl()).isEqualTo("http://127.0.0.1:8180");
        assertThat(settings.eventStoreUrl()).isEmpty();
        assertThat(settings.mongoUrl()).isEmpty();
        assertThat(settings.lockAfter()).isEqualTo(Duration.ofDays(14));
        assertThat(settings.appealWindow()).isEqualTo(Duration.ofDays(7));
        assertThat(settings.protectionMinimumAcceptedClaims()).isEqualTo(3);
        assertThat(settings.dataDir().isAbsolute()).isTrue();
        assertThat(settings.dataDir().getFileName().toString()).isEqualTo("data");
        assertThat(settings.documentFetch()).isFalse();
    }

    @Test
    void variablesOverrideTheDefaults() {
        PlatformSettings settings = PlatformSettings.fromEnvironment(Map.of(
                "LEDGER_HTTP_PORT", "9090", "LEDGER_KEYCLOAK_URL", "http://127.0.0.1:9999/",
                "LEDGER_LOCK_AFTER", "PT3S", "LEDGER_APPEAL_WINDOW", "PT2S",
                "LEDGER_PROTECTION_MIN_ACCEPTED_CLAIMS", "5",
                "LEDGER_EVENTSTORE_URL", "jdbc:postgresql://127.0.0.1:5432/ledger", "LEDGER_DOCUMENT_FETCH", "On"));

        assertThat(settings.httpPort()).isEqualTo(9090);
        assertThat(settings.keycloakUrl()).isEqualTo("http://127.0.0.1:9999");
        assertThat(settings.lockAfter()).isEqualTo(Duration.ofSeconds(3));
        assertThat(settings.appealWindow()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.protectionMinimumAcceptedClaims()).isEqualTo(5);
        assertThat(settings.eventStoreUrl()).contains("jdbc:postgresql://127.0.0.1:5432/ledger");
        assertThat(settings.documentFetch()).isTrue();
        assertThat(settings.withHttpPort(0).documentFetch()).isTrue();
    }

    @Test
    void malformedValuesAreRefusedNamingTheVariable() {
        assertThatThrownBy(() -> PlatformSettings.fromEnvironment(Map.of("LEDGER_HTTP_PORT", "eighty")))
                .hasMessageContaining("LEDGER_HTTP_PORT").hasMessageContaining("eighty");
        assertThatThrownBy(() -> PlatformSettings.fromEnvironment(Map.of("LEDGER_HTTP_PORT", "70000")))
                .hasMessageContaining("LEDGER_HTTP_PORT");
        assertThatThrownBy(() -> PlatformSettings.fromEnvironment(Map.of("LEDGER_LOCK_AFTER", "14 days")))
                .hasMessageContaining("LEDGER_LOCK_AFTER").hasMessageContaining("ISO-8601");
        assertThatThrownBy(() -> PlatformSettings.fromEnvironment(Map.of("LEDGER_APPEAL_WINDOW", "-PT1S")))
                .hasMessageContaining("LEDGER_APPEAL_WINDOW").hasMessageContaining("positive");
        assertThatThrownBy(() -> PlatformSettings.fromEnvironment(Map.of("LEDGER_PROTECTION_MIN_ACCEPTED_CLAIMS", "0")))
                .hasMessageContaining("LEDGER_PROTECTION_MIN_ACCEPTED_CLAIMS").hasMessageContaining("at least 1");
        assertThatThrownBy(() -> PlatformSettings.fromEnvironment(Map.of("LEDGER_DOCUMENT_FETCH", "yes")))
                .hasMessageContaining("LEDGER_DOCUMENT_FETCH").hasMessageContaining("'on' or 'off'");
    }
}
