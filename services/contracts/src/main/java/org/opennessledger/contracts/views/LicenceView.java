package org.opennessledger.contracts.views;

import java.util.List;

/**
 * A licence the ledger knows: an SPDX listed licence ({@code kind} "spdx") or one of the AI
 * licences of its own catalogue ({@code kind} "catalogue", with structured {@code terms}).
 * {@code openData}: an open-data licence (for datasets). {@code citations}: annotated passages that show
 * a catalogue licence's terms.
 */
public record LicenceView(String id, String kind, String title, boolean osiApproved, boolean fsfLibre,
                          boolean openData, boolean deprecated, Terms terms, List<LicenceCitationView> citations) {

    public LicenceView {
        citations = citations == null ? List.of() : List.copyOf(citations);
    }

    /** A licence whose terms cite no annotated passage (yet). */
    public LicenceView(String id, String kind, String title, boolean osiApproved, boolean fsfLibre, boolean openData,
                       boolean deprecated, Terms terms) {
        this(id, kind, title, osiApproved, fsfLibre, openData, deprecated, terms, List.of());
    }

    /** The same licence with the passages cited for its terms, oldest first. */
    public LicenceView withCitations(List<LicenceCitationView> cited) {
        return new LicenceView(id, kind, title, osiApproved, fsfLibre, openData, deprecated, terms, cited);
    }

    /** See the ledger's licence catalogue: facts read from the licence text at {@code source}. */
    public record Terms(boolean useScopeRestricted, boolean acceptableUsePolicy, Long monthlyActiveUsers,
                        String commercialUse, boolean attributionDuty, String namingDuty, String source) {
    }
}
