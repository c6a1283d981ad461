package org.opennessledger.contracts.licences;

import org.opennessledger.contracts.values.AggregateCommand;

/**
 * An admin names the annotated passage that shows one term of a catalogue licence (e.g. its monthly-active-user
 * threshold). Addressed to the licence's entry, whose id is {@link #ENTRY_PREFIX} and the licence id: the
 * prefix keeps it apart from every other aggregate (a model family may be called like a licence).
 */
public record CiteAnnotationForLicenceTerm(String licenceId, LicenceTerm term, String annotationId)
        implements AggregateCommand {

    /** A colon, which no model, claim or document id holds. */
    public static final String ENTRY_PREFIX = "licence:";

    @Override
    public String aggregateId() {
        return ENTRY_PREFIX + licenceId;
    }
}
