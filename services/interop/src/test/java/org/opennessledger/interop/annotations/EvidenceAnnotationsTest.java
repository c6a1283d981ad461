package org.opennessledger.interop.annotations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opennessledger.contracts.values.Evidence;
import org.opennessledger.contracts.views.ClaimView;

class EvidenceAnnotationsTest {

    @Test
    void eachEvidenceItemIsAnAssessingAnnotationOfTheCitedPageWithItsQuote() {
        ClaimView claim = new ClaimView("c1", "llama-3", "8b", "final-weights", "partial", "llama3.1-community",
                List.of(new Evidence("https://example.org/licence", "700 million monthly active users",
                                LocalDate.of(2025, 1, 10), null),
                        new Evidence("https://example.org/card", null, LocalDate.of(2025, 1, 10), null)),
                "gated download", "alice", Instant.parse("2025-02-01T10:00:00Z"), "ACCEPTED", false, "v1", null,
                null, null, 3, 0, List.of(), List.of(), null);

        Map<String, Object> collection = EvidenceAnnotations.of(claim, "https://ledger.example/api/claims/c1");

        assertThat(collection).containsEntry("@context", "http://www.w3.org/ns/anno.jsonld")
                .containsEntry("type", "AnnotationCollection").containsEntry("total", 2);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) ((Map<String, Object>) collection.get("first"))
                .get("items");
        Map<String, Object> first = items.get(0);
        assertThat(first).containsEntry("type", "Annotation").containsEntry("motivation", "assessing")
                .containsEntry("creator", "alice").containsEntry("created", "2025-02-01T10:00:00Z")
                .containsEntry("id", "urn:openness-ledger:claim:c1:evidence:1");
        assertThat(first.get("target")).isEqualTo(Map.of("source", "https://example.org/licence",
                "selector", Map.of("type", "TextQuoteSelector", "exact", "700 million monthly active users")));
        assertThat(first.get("body").toString()).contains("final-weights is partial under llama3.1-community: gated download");
        assertThat(items.get(1).get("target")).isEqualTo(Map.of("source", "https://example.org/card"));
    }
}
