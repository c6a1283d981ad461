package org.opennessledger.contracts.licences;

import org.opennessledger.contracts.values.AggregateCommand;

/** An admin withdraws a citation of an annotation for a licence term (it stays in the history). */
public record WithdrawLicenceTermCitation(String licenceId, LicenceTerm term, String annotationId)
        implements AggregateCommand {

    @Override
    public String aggregateId() {
        return CiteAnnotationForLicenceTerm.ENTRY_PREFIX + licenceId;
    }
}
