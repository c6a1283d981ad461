package org.opennessledger.claims.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opennessledger.contracts.values.Evidence;

/** The evidence every claim, argument, producer response and dispute carries, as the domain admits it. */
class EvidenceTest {

    @Test
    void evidence_may_cite_an_annotation_by_a_plain_id_only() {
        assertThat(new Evidence("https://example.org/card", null, LocalDate.of(2025, 2, 1), null, "0f3c-9a").annotationId())
                .isEqualTo("0f3c-9a");
        for (String bad : List.of("", "a b", "<script>", "x".repeat(65), "ann\u00e9")) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new Evidence("https://example.org/card", null, LocalDate.of(2025, 2, 1), null, bad))
                    .withMessageContaining("annotationId");
        }
    }

    @Test
    void evidence_without_an_annotation_is_the_four_field_form() {
        assertThat(new Evidence("https://example.org/card", "q", LocalDate.of(2025, 2, 1), null))
                .isEqualTo(new Evidence("https://example.org/card", "q", LocalDate.of(2025, 2, 1), null, null));
    }
}
