package org.opennessledger.contracts.documents;

import java.time.Instant;

/**
 * A new, immutable version of a document (numbered from 1). {@code text} is normalised (NFC, LF line
 * endings) and {@code contentHash} ({@code sha256:...}) is the hash of its UTF-8 bytes: the version's
 * content address.
 */
public record DocumentVersionAdded(String documentId, int version, String sourceUrl, String title, String mediaType,
                                   String contentHash, String text, Instant retrievedAt, String addedBy) {
}
