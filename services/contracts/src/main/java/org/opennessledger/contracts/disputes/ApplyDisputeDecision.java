package org.opennessledger.contracts.disputes;

import org.opennessledger.contracts.values.AggregateCommand;

/**
 * Sent by the platform to the claim when a dispute is decided ({@code finalDecision}: no further appeal).
 * OVERTURN flips ACCEPTED ⇄ REJECTED (as ClaimAccepted / ClaimRejected events, so assessments
 * and supersession follow); a final decision closes the dispute on the claim and locks it.
 * {@code disputeSequence} is the sequence number of the dispute event that caused it, so a
 * replayed decision is ignored.
 */
public record ApplyDisputeDecision(String claimId, String disputeId, DisputeStage stage, DisputeDecision decision,
                                   boolean finalDecision, long disputeSequence) implements AggregateCommand {
    @Override
    public String aggregateId() {
        return claimId;
    }
}
