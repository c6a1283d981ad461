package org.opennessledger.contracts.annotations;

import java.util.List;

/** A new annotation of a passage of one document version, tagged under taxonomy {@code taxonomyVersion}. */
public record AnnotationCreated(String annotationId, String documentId, int version, TextAnchor anchor,
                                List<AnnotationTag> tags, String taxonomyVersion, String comment, Motivation motivation,
                                String creatorId) {
    public AnnotationCreated {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
