package org.opennessledger.licences;

/**
 * What a licence demands and forbids, as structured properties (facts about the licence, read from
 * its text at {@code source}; the text itself is not reproduced):
 *
 * @param useScopeRestricted   it forbids uses (a list of prohibited uses, or a field of use)
 * @param acceptableUsePolicy  it binds users to a separate acceptable-use policy
 * @param monthlyActiveUsers   above this many monthly active users a separate licence is needed (null: no threshold)
 * @param commercialUse        "allowed", "restricted" (allowed with conditions beyond the above) or "prohibited"
 * @param attributionDuty      copies must carry its notice or terms
 * @param namingDuty           what derivatives must display or be named (null: none)
 * @param source               where the licence text is published
 */
public record LicenceTerms(boolean useScopeRestricted, boolean acceptableUsePolicy, Long monthlyActiveUsers,
                           String commercialUse, boolean attributionDuty, String namingDuty, String source) {
}
