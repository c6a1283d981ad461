package org.opennessledger.contracts.values;

/** Where a claim stands in the consensus process. Locking is a separate flag, not a status. */
public enum ClaimStatus {
    PROPOSED,
    ACCEPTED,
    REJECTED,
    /** Replaced by a later accepted claim for the same target; stays visible with its reason. */
    SUPERSEDED
}
