package org.opennessledger.contracts.documents;

import org.opennessledger.contracts.annotations.TextAnchor;

/** The document's own record of an annotation made on its latest version: what it re-anchors on a new one. */
public record AnnotationPlaced(String documentId, String annotationId, int version, TextAnchor anchor) {
}
