package org.opennessledger.contracts.disputes;

/** Where a dispute stands; the moderation queue lists OPEN, TAKEN and APPEALED. */
public enum DisputeState {
    /** Waiting for a moderator to take it. */
    OPEN,
    /** A moderator owns it and has not decided yet (first stage). */
    TAKEN,
    /** Decided at the first stage; the author or the disputer may still appeal. */
    DECIDED,
    /** Appealed: waiting for (or owned by) a different moderator. */
    APPEALED,
    /** Decided for good: on appeal, or the appeal window closed. */
    CLOSED
}
