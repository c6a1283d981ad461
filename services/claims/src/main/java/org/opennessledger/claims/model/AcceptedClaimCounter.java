package org.opennessledger.claims.model;

/**
 * How many claims a person authored that reached acceptance (ACCEPTED now, or SUPERSEDED by a later
 * accepted claim). The write side keeps no per-person index, so the platform answers this from the
 * read models: eventually consistent, but writes answer only after the read models caught up, so a
 * person's own earlier acceptances are counted.
 */
@FunctionalInterface
public interface AcceptedClaimCounter {

    long acceptedClaimsAuthoredBy(String subjectId);
}
