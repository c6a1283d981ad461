package org.opennessledger.contracts.documents;

import org.opennessledger.contracts.annotations.TextAnchor;

/** A new version of the document still holds the annotated passage: this is where it lies now. */
public record AnnotationReanchored(String documentId, String annotationId, int fromVersion, int toVersion,
                                   TextAnchor anchor) {
}
