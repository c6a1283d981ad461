package org.opennessledger.contracts.views;

import java.time.Instant;

/** What the ledger shows for a subject id: the display name from their token (null once erased). */
public record ProfileView(String subject, String displayName, Instant firstSeenAt, Instant updatedAt,
                          Instant erasedAt) {
}
