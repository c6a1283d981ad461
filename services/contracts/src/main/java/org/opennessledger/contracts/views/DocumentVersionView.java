package org.opennessledger.contracts.views;

import java.time.Instant;

/** One version of a document with its normalised text. */
public record DocumentVersionView(String documentId, int version, String sourceUrl, String title, String mediaType,
                                  String contentHash, Instant retrievedAt, String addedBy, Instant addedAt,
                                  String text) {
}
