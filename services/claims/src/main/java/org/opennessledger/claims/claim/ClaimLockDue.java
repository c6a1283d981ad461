package org.opennessledger.claims.claim;

import org.opennessledger.contracts.values.ClaimStatus;

/**
 * Payload of a claim's lock deadline: the status it was scheduled for and the claim's count of
 * status changes at that moment. A deadline whose status change was since followed by another one
 * is stale and locks nothing, even if a persistent deadline manager fires it after a cancel raced.
 */
public record ClaimLockDue(ClaimStatus status, int statusChange) {
}
