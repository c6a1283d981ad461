package org.opennessledger.claims.debate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opennessledger.contracts.values.Evidence;

class ArgumentFingerprintTest {

    private static final Evidence CARD =
            new Evidence("https://example.org/card", "gated", LocalDate.of(2025, 2, 1), "sha256:abc");

    @Test
    void the_same_text_and_evidence_have_the_same_fingerprint() {
        assertThat(ArgumentFingerprint.of("text", List.of(CARD)))
                .isEqualTo(ArgumentFingerprint.of("text", List.of(
                        new Evidence("https://example.org/card", "gated", LocalDate.of(2025, 2, 1), "sha256:abc"))));
    }

    @Test
    void any_change_to_the_text_or_an_evidence_field_changes_the_fingerprint() {
        String original = ArgumentFingerprint.of("text", List.of(CARD));
        assertThat(List.of(
                ArgumentFingerprint.of("text ", List.of(CARD)),
                ArgumentFingerprint.of("text", List.of()),
                ArgumentFingerprint.of("text", List.of(CARD, CARD)),
                ArgumentFingerprint.of("text", List.of(new Evidence("https://example.org/card2", "gated",
                        LocalDate.of(2025, 2, 1), "sha256:abc"))),
                ArgumentFingerprint.of("text", List.of(new Evidence("https://example.org/card", null,
                        LocalDate.of(2025, 2, 1), "sha256:abc"))),
                ArgumentFingerprint.of("text", List.of(new Evidence("https://example.org/card", "gated",
                        LocalDate.of(2025, 2, 2), "sha256:abc"))),
                ArgumentFingerprint.of("text", List.of(new Evidence("https://example.org/card", "gated",
                        LocalDate.of(2025, 2, 1), null))),
                ArgumentFingerprint.of("text", List.of(new Evidence("https://example.org/card", "gated",
                        LocalDate.of(2025, 2, 1), "sha256:abc", "annotation-1"))),
                ArgumentFingerprint.of("text", List.of(new Evidence("https://example.org/card", "gated",
                        LocalDate.of(2025, 2, 1), "sha256:abc", "annotation-2")))))
                .doesNotContain(original)
                .doesNotHaveDuplicates();
    }
}
