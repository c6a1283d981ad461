package org.opennessledger.claims.dispute;

import java.time.Instant;

/**
 * Payload of a dispute's appeal-window deadline. The dispute itself decides whether it still
 * matters (only a DECIDED dispute closes), so a deadline that fires after an appeal does nothing.
 *
 * @param appealableUntil the end of the window it was scheduled for
 */
public record AppealWindowDue(Instant appealableUntil) {
}
