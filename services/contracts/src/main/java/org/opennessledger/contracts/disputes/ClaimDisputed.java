package org.opennessledger.contracts.disputes;

import org.opennessledger.contracts.values.ClaimStatus;
import org.opennessledger.contracts.values.ClaimTarget;

/** The claim is under dispute: its status stays, flagged, and reviews are frozen until the dispute closes. */
public record ClaimDisputed(String claimId, ClaimTarget target, String disputeId, String disputerId,
                            ClaimStatus disputedStatus) {
}
