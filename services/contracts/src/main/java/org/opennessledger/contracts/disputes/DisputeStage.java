package org.opennessledger.contracts.disputes;

/** A dispute is decided once, and once more on appeal by a different moderator (final). */
public enum DisputeStage {
    FIRST,
    APPEAL
}
