package org.opennessledger.contracts.views;

import java.util.List;

/** A document and its versions, oldest first (texts in {@link DocumentVersionView}). */
public record DocumentView(String documentId, String sourceUrl, String title, String mediaType, int latestVersion,
                           List<DocumentVersionSummaryView> versions) {
    public DocumentView {
        versions = versions == null ? List.of() : List.copyOf(versions);
    }
}
