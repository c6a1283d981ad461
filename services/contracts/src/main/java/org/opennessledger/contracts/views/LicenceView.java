package org.opennessledger.contracts.views;

/**
 * A licence the ledger knows: an SPDX listed licence ({@code kind} "spdx") or one of the AI
 * licences of its own catalogue ({@code kind} "catalogue", with structured {@code terms}).
 * {@code openData}: an open-data licence (for datasets).
 */
public record LicenceView(String id, String kind, String title, boolean osiApproved, boolean fsfLibre,
                          boolean openData, boolean deprecated, Terms terms) {

    /** See the ledger's licence catalogue: facts read from the licence text at {@code source}. */
    public record Terms(boolean useScopeRestricted, boolean acceptableUsePolicy, Long monthlyActiveUsers,
                        String commercialUse, boolean attributionDuty, String namingDuty, String source) {
    }
}
