package org.opennessledger.contracts.policy;

import java.time.Duration;
import org.opennessledger.contracts.values.AggregateCommand;

/**
 * Admin only: publish a new version of the consensus thresholds. Ratios are fractions in (0.5, 1];
 * claims evaluate with the version current at each review and record it on their status events.
 */
public record PublishConsensusPolicy(int minimumReviews, double acceptRatio, double rejectRatio,
                                     Duration lockAfter) implements AggregateCommand {
    public static final String POLICY_BOOK_ID = "consensus-policy";

    @Override
    public String aggregateId() {
        return POLICY_BOOK_ID;
    }
}
