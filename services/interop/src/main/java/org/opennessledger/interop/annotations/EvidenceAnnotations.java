package org.opennessledger.interop.annotations;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.opennessledger.contracts.values.Evidence;
import org.opennessledger.contracts.views.ClaimView;

/**
 * A claim's evidence as W3C Web Annotations (JSON-LD): one annotation per evidence item, targeting
 * the cited page (with a TextQuoteSelector when a passage is quoted) and carrying the claim's
 * statement as its body, motivated by "assessing". Ids are URNs under the claim, stable across
 * exports.
 */
public final class EvidenceAnnotations {

    public static final String CONTEXT = "http://www.w3.org/ns/anno.jsonld";

    private EvidenceAnnotations() {
    }

    /**
     * An AnnotationCollection with the claim's annotations as its first page's items.
     *
     * @param claimUrl the claim's address (a path is fine), linked from each annotation's body
     */
    public static Map<String, Object> of(ClaimView claim, String claimUrl) {
        return collection("urn:openness-ledger:claim:" + claim.claimId() + ":evidence",
                "Evidence for claim " + claim.claimId(), List.of(claim), c -> claimUrl);
    }

    /**
     * One AnnotationCollection for the evidence of several claims (e.g. every accepted claim of a
     * model family), in the order given; each annotation keeps the id it has in its claim's collection.
     */
    public static Map<String, Object> collection(String id, String label, List<ClaimView> claims,
                                                 Function<ClaimView, String> claimUrl) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (ClaimView claim : claims) {
            for (int i = 0; i < claim.evidence().size(); i++) {
                items.add(annotation(claim, claim.evidence().get(i), i + 1, claimUrl.apply(claim)));
            }
        }
        return envelope(CONTEXT, id, label, items);
    }

    /** An AnnotationCollection holding {@code items} as its one (first) page. */
    static Map<String, Object> envelope(Object context, String id, String label, List<Map<String, Object>> items) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("type", "AnnotationPage");
        page.put("items", items);
        Map<String, Object> collection = new LinkedHashMap<>();
        collection.put("@context", context);
        collection.put("id", id);
        collection.put("type", "AnnotationCollection");
        collection.put("label", label);
        collection.put("total", items.size());
        collection.put("first", page);
        return collection;
    }

    private static Map<String, Object> annotation(ClaimView claim, Evidence evidence, int number, String claimUrl) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "TextualBody");
        body.put("purpose", "assessing");
        body.put("format", "text/plain");
        body.put("value", claim.component() + " is " + claim.openness()
                + (claim.licence() == null ? "" : " under " + claim.licence()) + ": " + claim.rationale());
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("source", evidence.url());
        if (evidence.quote() != null) {
            target.put("selector", Map.of("type", "TextQuoteSelector", "exact", evidence.quote()));
        }
        Map<String, Object> annotation = new LinkedHashMap<>();
        annotation.put("id", "urn:openness-ledger:claim:" + claim.claimId() + ":evidence:" + number);
        annotation.put("type", "Annotation");
        annotation.put("motivation", "assessing");
        annotation.put("creator", claim.authorId());
        if (claim.proposedAt() != null) {
            annotation.put("created", claim.proposedAt().toString());
        }
        annotation.put("body", List.of(body, Map.of("type", "SpecificResource", "purpose", "linking",
                "source", claimUrl)));
        annotation.put("target", target);
        return annotation;
    }
}
