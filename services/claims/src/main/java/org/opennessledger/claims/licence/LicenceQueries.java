package org.opennessledger.claims.licence;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.axonframework.queryhandling.QueryHandler;
import org.opennessledger.contracts.queries.Queries.GetLicence;
import org.opennessledger.contracts.views.LicenceView;
import org.opennessledger.licences.LicenceCatalogue;
import org.opennessledger.licences.LicenceTerms;
import org.opennessledger.licences.SpdxLicenceList;

/** Answers questions about licences from the bundled SPDX list and the AI licence catalogue. */
public class LicenceQueries {

    /** SPDX ids of licences written for data that the ledger counts as open-data licences. */
    static final Set<String> OPEN_DATA = Set.of("cc0-1.0", "cc-by-3.0", "cc-by-4.0", "cc-by-sa-3.0", "cc-by-sa-4.0",
            "cdla-permissive-1.0", "cdla-permissive-2.0", "cdla-sharing-1.0", "odc-by-1.0", "odbl-1.0", "pddl-1.0");

    @QueryHandler
    public Optional<LicenceView> handle(GetLicence query) {
        String id = query.licenceId();
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        Optional<LicenceView> listed = SpdxLicenceList.bundled().licence(id).map(l -> new LicenceView(l.id(), "spdx",
                l.title(), l.osiApproved(), l.fsfLibre(), OPEN_DATA.contains(l.id().toLowerCase(Locale.ROOT)),
                l.deprecated(), null));
        return listed.or(() -> LicenceCatalogue.fromId(id).map(l -> {
            LicenceTerms t = l.terms();
            return new LicenceView(l.id(), "catalogue", l.title(), false, false, false, false,
                    new LicenceView.Terms(t.useScopeRestricted(), t.acceptableUsePolicy(), t.monthlyActiveUsers(),
                            t.commercialUse(), t.attributionDuty(), t.namingDuty(), t.source()));
        }));
    }
}
