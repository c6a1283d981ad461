package org.opennessledger.claims.model;

import java.util.Objects;

/**
 * What protecting a model demands of proposers, and how to count what they have. A component, so
 * that the family's handlers receive it as a parameter (like the consensus policy provider).
 *
 * @param minimumAcceptedClaims accepted claims a proposer needs on a model protected from now on
 * @param counter               counts a person's claims that reached acceptance (see {@link AcceptedClaimCounter})
 */
public record ProtectionPolicy(int minimumAcceptedClaims, AcceptedClaimCounter counter) {

    public static final int DEFAULT_MINIMUM_ACCEPTED_CLAIMS = 3;

    public ProtectionPolicy {
        if (minimumAcceptedClaims < 1) {
            throw new IllegalArgumentException("a protected model needs at least 1 accepted claim of a proposer, got "
                    + minimumAcceptedClaims);
        }
        Objects.requireNonNull(counter, "an accepted-claim counter is required");
    }
}
