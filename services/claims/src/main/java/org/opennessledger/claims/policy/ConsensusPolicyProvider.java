package org.opennessledger.claims.policy;

/** The consensus policy in force now; command handlers receive it as a parameter. */
@FunctionalInterface
public interface ConsensusPolicyProvider {
    ConsensusPolicy current();
}
