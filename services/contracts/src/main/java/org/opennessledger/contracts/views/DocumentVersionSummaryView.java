package org.opennessledger.contracts.views;

import java.time.Instant;

/** One version of a document, without its text: number, content address, when it was read, who added it. */
public record DocumentVersionSummaryView(int version, String contentHash, Instant retrievedAt, String addedBy,
                                         Instant addedAt, int characters) {
}
