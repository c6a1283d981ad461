package org.opennessledger.contracts.views;

import java.time.Instant;
import java.util.List;

/**
 * A flagged claim ({@code argumentId} null) or argument, for moderators: every flag it received,
 * open ones first, and how the others were settled. {@code state} is OPEN while any flag is open.
 */
public record FlaggedItemView(String claimId, String argumentId, String state, List<Flag> flags) {

    /** {@code outcome} is null while open, else "hidden" or "dismissed", with who settled it, why and when. */
    public record Flag(String flagId, String flaggerId, String reason, String text, Instant at, String outcome,
                       String settledBy, String settledReason, Instant settledAt) {
    }
}
