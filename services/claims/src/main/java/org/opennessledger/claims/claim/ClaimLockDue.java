package org.opennessledger.claims.claim;

import java.time.Duration;
import org.opennessledger.contracts.values.ClaimStatus;

/**
 * Payload of a claim's lock deadline: the status it was scheduled for and the claim's count of
 * status changes once that status was reached. A deadline whose status change was since followed
 * by another one is stale and locks nothing, even if a persistent deadline manager fires it after a
 * cancel raced or was never sent. This guard, not the cancellation, is what keeps a stale lock out.
 *
 * @param lockAfter the lock period it was scheduled with, named in the lock's reason (null in
 *                  deadlines scheduled before it was recorded)
 */
public record ClaimLockDue(ClaimStatus status, int statusChange, Duration lockAfter) {
}
