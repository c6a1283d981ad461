package org.opennessledger.contracts.views;

import java.time.Instant;
import java.util.List;
import org.opennessledger.contracts.annotations.TextAnchor;

/**
 * An annotation where it lies now: in {@code version} of its document, or, when {@code orphaned}, in the
 * last version that held its passage ({@code orphanedInVersion} no longer does). Tags and motivation are ids.
 * {@code citedByClaims} are the claims whose evidence (or debate or disputes) cite it, {@code modelIds} the
 * model families of those claims.
 */
public record AnnotationView(String annotationId, String documentId, int version, TextAnchor anchor, List<String> tags,
                             String taxonomyVersion, String comment, String motivation, String creatorId,
                             Instant created, Instant modified, boolean orphaned, Integer orphanedInVersion,
                             int agreeCount, int disagreeCount, List<ReviewView> reviews,
                             List<String> citedByClaims, List<String> modelIds) {
    public AnnotationView {
        tags = tags == null ? List.of() : List.copyOf(tags);
        reviews = reviews == null ? List.of() : List.copyOf(reviews);
        citedByClaims = citedByClaims == null ? List.of() : List.copyOf(citedByClaims);
        modelIds = modelIds == null ? List.of() : List.copyOf(modelIds);
    }
}
