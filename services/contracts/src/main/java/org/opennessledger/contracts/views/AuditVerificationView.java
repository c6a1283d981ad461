package org.opennessledger.contracts.views;

import java.util.List;

/**
 * The result of recomputing the hash chain from the stored events. {@code ok} when every link
 * matches its event and the one before it, no chained event is missing, no older event was left
 * out of the chain, and the expected link (if one was given) is in the chain. {@code broken} names
 * the first problems in chain order (at most {@value #MAX_REPORTED}); {@code brokenCount} counts
 * them all. {@code pending} counts events stored but not chained yet (normal for a moment after a write).
 */
public record AuditVerificationView(boolean ok, String algorithm, long checked, AuditHeadView head,
                                    Boolean expectedLinkFound, long pending, long brokenCount,
                                    List<BrokenLink> broken) {

    public static final int MAX_REPORTED = 20;

    /** One link that does not hold, and the event it names (null fields when the row is gone). */
    public record BrokenLink(Long position, long globalIndex, String eventIdentifier, String aggregateIdentifier,
                             Long sequenceNumber, String payloadType, String reason) {
    }
}
