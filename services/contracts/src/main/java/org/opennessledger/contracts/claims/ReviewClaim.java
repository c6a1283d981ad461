package org.opennessledger.contracts.claims;

import org.opennessledger.contracts.values.AggregateCommand;
import org.opennessledger.contracts.values.Verdict;

/** A reviewer's agree/disagree; the reviewer is the command's actor. Disagreeing needs a reason. */
public record ReviewClaim(String claimId, Verdict verdict, String reason) implements AggregateCommand {
    @Override
    public String aggregateId() {
        return claimId;
    }
}
