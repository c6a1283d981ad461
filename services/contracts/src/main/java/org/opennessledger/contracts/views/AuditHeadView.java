package org.opennessledger.contracts.views;

import java.time.Instant;

/**
 * The head of the event log's hash chain: the {@code position}-th link (1-based; 0 and the genesis
 * link while the log is empty), the event it covers (its place in the event store's global sequence
 * and its identifier) and when it was chained. {@code algorithm} names the canonical encoding.
 */
public record AuditHeadView(String algorithm, long position, Long globalIndex, String eventIdentifier, String link,
                            Instant chainedAt) {
}
