package org.opennessledger.interop.annotations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opennessledger.contracts.annotations.TextAnchor;
import org.opennessledger.contracts.annotations.TextPositionSelector;
import org.opennessledger.contracts.annotations.TextQuoteSelector;
import org.opennessledger.contracts.views.AnnotationView;
import org.opennessledger.interop.SourceFormatException;

/** Annotations to W3C Web Annotation JSON-LD and back, and what a file must hold to be read. */
class AnnotationJsonLdTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant READ = Instant.parse("2025-04-01T10:00:00Z");
    private static final AnnotationView CAP = new AnnotationView("0b6f7c1e-6d2a-4f39-9a57-2f0c1d3e4b5a", "doc-1", 2,
            new TextAnchor(new TextQuoteSelector("500 million users", "above ", " need"), new TextPositionSelector(40, 57)),
            List.of("user-type-threshold", "commercial-limit"), "1", "a cap <b>on</b> users", "assessing", "carol",
            READ, READ.plusSeconds(60), true, 3, 1, 0, List.of(), List.of(), List.of());

    private static JsonNode written(AnnotationView... annotations) {
        return JSON.valueToTree(AnnotationJsonLd.collection("urn:test", "Annotations", List.of(annotations),
                a -> new AnnotationJsonLd.VersionSource("https://example.org/licence", READ,
                        "/api/documents/" + a.documentId() + "/versions/" + a.version())));
    }

    @Test
    void anAnnotationIsWrittenInTheW3cModelWithBothSelectorsAndTheVersionItWasReadIn() {
        JsonNode collection = written(CAP);
        assertThat(collection.get("@context").get(0).asText()).isEqualTo("http://www.w3.org/ns/anno.jsonld");
        assertThat(collection.get("total").asInt()).isEqualTo(1);
        JsonNode annotation = collection.get("first").get("items").get(0);
        assertThat(annotation.get("id").asText()).isEqualTo("urn:openness-ledger:annotation:" + CAP.annotationId());
        assertThat(annotation.get("type").asText()).isEqualTo("Annotation");
        assertThat(annotation.get("motivation").asText()).isEqualTo("assessing");
        JsonNode target = annotation.get("target");
        assertThat(target.get("source").asText()).isEqualTo("https://example.org/licence");
        assertThat(target.get("selector").get(0).get("type").asText()).isEqualTo("TextQuoteSelector");
        assertThat(target.get("selector").get(0).get("prefix").asText()).isEqualTo("above ");
        assertThat(target.get("selector").get(1).get("start").asInt()).isEqualTo(40);
        assertThat(target.get("state").get("type").asText()).isEqualTo("TimeState");
        assertThat(target.get("state").get("sourceDate").asText()).isEqualTo("2025-04-01T10:00:00Z");
        assertThat(target.get("state").get("cached").asText()).isEqualTo("/api/documents/doc-1/versions/2");
        assertThat(annotation.get("body")).extracting(b -> b.get("purpose").asText() + "=" + b.get("value").asText())
                .containsExactly("tagging=user-type-threshold", "tagging=commercial-limit",
                        "commenting=a cap <b>on</b> users");
        assertThat(annotation.get("ledger:orphanedInVersion").asInt()).isEqualTo(3);
    }

    @Test
    void whatIsWrittenReadsBackToTheSamePassageTagsCommentAndMotivation() throws Exception {
        List<AnnotationJsonLd.Imported> read = AnnotationJsonLd.read(written(CAP));
        assertThat(read).containsExactly(new AnnotationJsonLd.Imported("https://example.org/licence",
                CAP.anchor().quote(), CAP.anchor().position(), CAP.tags(), CAP.comment(), "assessing", "carol"));
        // one annotation alone, or an array of them, reads the same
        JsonNode single = written(CAP).get("first").get("items").get(0);
        assertThat(AnnotationJsonLd.read(single)).isEqualTo(read);
        assertThat(AnnotationJsonLd.read(JSON.createArrayNode().add(single))).isEqualTo(read);
    }

    @Test
    void filesThatAreNotAnnotationsOfATextAreRefusedNamingTheItem() {
        assertThatThrownBy(() -> AnnotationJsonLd.read(JSON.valueToTree(Map.of("type", "AnnotationPage",
                "items", List.of())))).isInstanceOf(SourceFormatException.class).hasMessageContaining("no annotations");
        assertThatThrownBy(() -> AnnotationJsonLd.read(JSON.valueToTree(Map.of("type", "Note"))))
                .hasMessageContaining("annotation 1: type must be Annotation");
        assertThatThrownBy(() -> AnnotationJsonLd.read(JSON.valueToTree(Map.of("type", "Annotation",
                "motivation", "assessing", "target", "https://example.org/x"))))
                .hasMessageContaining("target.source");
        assertThatThrownBy(() -> AnnotationJsonLd.read(JSON.valueToTree(Map.of("type", "Annotation",
                "motivation", "assessing", "target", Map.of("source", "https://example.org/x",
                        "selector", Map.of("type", "CssSelector", "value", "p"))))))
                .hasMessageContaining("TextQuoteSelector with exact text is required");
        Map<String, Object> target = Map.of("source", "https://example.org/x",
                "selector", Map.of("type", "TextQuoteSelector", "exact", "cap"));
        assertThatThrownBy(() -> AnnotationJsonLd.read(JSON.valueToTree(Map.of("type", "Annotation",
                "motivation", "assessing", "target", target, "body", Map.of("purpose", "tagging", "value", "cool")))))
                .hasMessageContaining("unknown tag 'cool'");
        assertThatThrownBy(() -> AnnotationJsonLd.read(JSON.valueToTree(Map.of("type", "Annotation",
                "motivation", "bookmarking", "target", target)))).hasMessageContaining("motivation");
    }
}
