package org.opennessledger.contracts.moderation;

import org.opennessledger.contracts.values.ClaimTarget;

/** A flag on a claim ({@code argumentId} null) or an argument; open until the item is hidden or its flags dismissed. */
public record ContentFlagged(String claimId, ClaimTarget target, String argumentId, String flagId, String flaggerId,
                             FlagReason reason, String text) {
}
