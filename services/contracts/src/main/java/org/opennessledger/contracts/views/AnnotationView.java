package org.opennessledger.contracts.views;

import java.time.Instant;
import java.util.List;
import org.opennessledger.contracts.annotations.TextAnchor;

/**
 * An annotation where it lies now: in {@code version} of its document, or, when {@code orphaned}, in the
 * last version that held its passage ({@code orphanedInVersion} no longer does). Tags and motivation are ids.
 */
public record AnnotationView(String annotationId, String documentId, int version, TextAnchor anchor, List<String> tags,
                             String taxonomyVersion, String comment, String motivation, String creatorId,
                             Instant created, Instant modified, boolean orphaned, Integer orphanedInVersion,
                             int agreeCount, int disagreeCount, List<ReviewView> reviews) {
    public AnnotationView {
        tags = tags == null ? List.of() : List.copyOf(tags);
        reviews = reviews == null ? List.of() : List.copyOf(reviews);
    }
}
