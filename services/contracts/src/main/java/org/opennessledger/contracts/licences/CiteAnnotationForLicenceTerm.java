package org.opennessledger.contracts.licences;

import org.opennessledger.contracts.values.AggregateCommand;

/**
 * An admin names the annotated passage that shows one term of a catalogue licence (e.g. its monthly-active-user
 * threshold). Addressed to the licence's catalogue entry: {@link #aggregateId()} is the licence id.
 */
public record CiteAnnotationForLicenceTerm(String licenceId, LicenceTerm term, String annotationId)
        implements AggregateCommand {

    @Override
    public String aggregateId() {
        return licenceId;
    }
}
