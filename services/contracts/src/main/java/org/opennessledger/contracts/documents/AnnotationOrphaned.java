package org.opennessledger.contracts.documents;

import org.opennessledger.contracts.annotations.TextAnchor;

/**
 * A new version of the document no longer holds the annotated passage: the annotation stays, anchored in
 * {@code fromVersion} ({@code lastAnchor}), marked as orphaned from {@code toVersion} on.
 */
public record AnnotationOrphaned(String documentId, String annotationId, int fromVersion, int toVersion,
                                 TextAnchor lastAnchor) {
}
