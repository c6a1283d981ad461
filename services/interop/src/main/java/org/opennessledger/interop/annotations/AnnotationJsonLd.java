package org.opennessledger.interop.annotations;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.opennessledger.contracts.annotations.AnnotationTag;
import org.opennessledger.contracts.annotations.Motivation;
import org.opennessledger.contracts.annotations.TextPositionSelector;
import org.opennessledger.contracts.annotations.TextQuoteSelector;
import org.opennessledger.contracts.views.AnnotationView;
import org.opennessledger.interop.SourceFormatException;

/**
 * Annotations of documents as W3C Web Annotations (JSON-LD) and back. The target is the document's source
 * URL with both selectors, and a TimeState naming when that text was read and the ledger's copy of the
 * version; tags are bodies with purpose {@code tagging}, the comment one with purpose {@code commenting}.
 * What the W3C model has no word for (document, version, orphaned, taxonomy) is in the {@code ledger:}
 * terms this context defines.
 */
public final class AnnotationJsonLd {

    static final String LEDGER_VOCABULARY = "urn:openness-ledger:vocab:";
    /** Annotations read from one file at most: an import is a batch a person can check, not a dump. */
    public static final int MAX_ITEMS = 1_000;

    private AnnotationJsonLd() {
    }

    /** Where an annotation's document version came from: its source URL, when it was read, the ledger's copy. */
    public record VersionSource(String sourceUrl, Instant retrievedAt, String copyUrl) {
    }

    /** One annotation as read from JSON-LD: what a new annotation of the same passage needs. */
    public record Imported(String sourceUrl, TextQuoteSelector quote, TextPositionSelector position, List<String> tags,
                           String comment, String motivation, String creator) {
    }

    public static Map<String, Object> collection(String id, String label, List<AnnotationView> annotations,
                                                 Function<AnnotationView, VersionSource> sources) {
        List<Map<String, Object>> items = annotations.stream().map(a -> annotation(a, sources.apply(a))).toList();
        return EvidenceAnnotations.envelope(List.of(EvidenceAnnotations.CONTEXT, Map.of("ledger", LEDGER_VOCABULARY)),
                id, label, items);
    }

    private static Map<String, Object> annotation(AnnotationView a, VersionSource source) {
        List<Map<String, Object>> bodies = new ArrayList<>();
        for (String tag : a.tags()) {
            bodies.add(Map.of("type", "TextualBody", "purpose", "tagging", "value", tag));
        }
        if (a.comment() != null) {
            bodies.add(Map.of("type", "TextualBody", "purpose", "commenting", "format", "text/plain",
                    "value", a.comment()));
        }
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("type", "TimeState");
        if (source.retrievedAt() != null) {
            state.put("sourceDate", source.retrievedAt().toString());
        }
        state.put("cached", source.copyUrl());
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("source", source.sourceUrl());
        target.put("selector", List.of(
                Map.of("type", "TextQuoteSelector", "exact", a.anchor().quote().exact(),
                        "prefix", a.anchor().quote().prefix(), "suffix", a.anchor().quote().suffix()),
                Map.of("type", "TextPositionSelector", "start", a.anchor().position().start(),
                        "end", a.anchor().position().end())));
        target.put("state", state);
        Map<String, Object> annotation = new LinkedHashMap<>();
        annotation.put("id", "urn:openness-ledger:annotation:" + a.annotationId());
        annotation.put("type", "Annotation");
        annotation.put("motivation", a.motivation());
        annotation.put("creator", a.creatorId());
        if (a.created() != null) {
            annotation.put("created", a.created().toString());
        }
        if (a.modified() != null) {
            annotation.put("modified", a.modified().toString());
        }
        annotation.put("body", bodies);
        annotation.put("target", target);
        annotation.put("ledger:documentId", a.documentId());
        annotation.put("ledger:version", a.version());
        annotation.put("ledger:taxonomyVersion", a.taxonomyVersion());
        if (a.orphaned()) {
            annotation.put("ledger:orphanedInVersion", a.orphanedInVersion());
        }
        return annotation;
    }

    /**
     * The annotations of a JSON-LD document: an AnnotationCollection (its first page's items), an
     * AnnotationPage, an array of annotations or one annotation.
     *
     * @throws SourceFormatException naming the item and what is wrong with it
     */
    public static List<Imported> read(JsonNode root) throws SourceFormatException {
        List<JsonNode> items = new ArrayList<>();
        if (root.isArray()) {
            root.forEach(items::add);
        } else if ("AnnotationCollection".equals(root.path("type").asText())) {
            root.path("first").path("items").forEach(items::add);
        } else if ("AnnotationPage".equals(root.path("type").asText())) {
            root.path("items").forEach(items::add);
        } else {
            items.add(root);
        }
        if (items.isEmpty()) {
            throw new SourceFormatException(0, "no annotations: expected an Annotation, an array of them, an AnnotationPage"
                    + " or an AnnotationCollection with a first page");
        }
        if (items.size() > MAX_ITEMS) {
            throw new SourceFormatException(0, items.size() + " annotations; at most " + MAX_ITEMS + " per import");
        }
        List<Imported> read = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            read.add(item(items.get(i), "annotation " + (i + 1)));
        }
        return read;
    }

    private static Imported item(JsonNode node, String where) throws SourceFormatException {
        if (!"Annotation".equals(node.path("type").asText())) {
            throw new SourceFormatException(0, where + ": type must be Annotation");
        }
        JsonNode target = node.path("target");
        String source = target.isTextual() ? null : text(target.path("source"));
        if (source == null) {
            throw new SourceFormatException(0, where + ": target.source (the document's URL) is required");
        }
        TextQuoteSelector quote = null;
        TextPositionSelector position = null;
        for (JsonNode selector : arrayOf(target.path("selector"))) {
            switch (selector.path("type").asText()) {
                case "TextQuoteSelector" -> quote = new TextQuoteSelector(text(selector.path("exact")),
                        text(selector.path("prefix")), text(selector.path("suffix")));
                case "TextPositionSelector" -> {
                    if (!selector.path("start").canConvertToInt() || !selector.path("end").canConvertToInt()) {
                        throw new SourceFormatException(0, where + ": TextPositionSelector needs whole-number start and end");
                    }
                    position = new TextPositionSelector(selector.path("start").asInt(), selector.path("end").asInt());
                }
                default -> {
                    // other selectors (CSS, XPath, ...) say nothing about a plain text
                }
            }
        }
        if (quote == null || quote.exact() == null || quote.exact().isEmpty()) {
            throw new SourceFormatException(0, where + ": a TextQuoteSelector with exact text is required");
        }
        List<String> tags = new ArrayList<>();
        String comment = null;
        for (JsonNode body : arrayOf(node.path("body"))) {
            String purpose = body.path("purpose").asText("");
            String value = text(body.path("value"));
            if ("tagging".equals(purpose)) {
                if (value == null || AnnotationTag.byId(value).isEmpty()) {
                    throw new SourceFormatException(0, where + ": unknown tag '" + value + "' (taxonomy "
                            + AnnotationTag.TAXONOMY_VERSION + ")");
                }
                tags.add(value);
            } else if (value != null && comment == null) {
                comment = value;
            }
        }
        String motivation = arrayOf(node.path("motivation")).stream().map(JsonNode::asText)
                .filter(m -> Motivation.byId(m).isPresent()).findFirst().orElse(null);
        if (motivation == null) {
            throw new SourceFormatException(0, where + ": motivation must be one the ledger keeps (assessing, commenting, "
                    + "questioning, ...)");
        }
        JsonNode creator = node.path("creator");
        String creatorName = creator.isTextual() ? creator.asText()
                : text(creator.path("name")) != null ? text(creator.path("name")) : text(creator.path("id"));
        return new Imported(source, quote, position, tags, comment, motivation, creatorName);
    }

    private static List<JsonNode> arrayOf(JsonNode node) {
        List<JsonNode> list = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(list::add);
        } else if (!node.isMissingNode() && !node.isNull()) {
            list.add(node);
        }
        return list;
    }

    private static String text(JsonNode node) {
        return node.isTextual() ? node.asText() : null;
    }
}
