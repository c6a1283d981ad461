package org.opennessledger.claims.licence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.opennessledger.contracts.queries.Queries.GetLicence;
import org.opennessledger.contracts.views.LicenceView;
import org.opennessledger.licences.LicenceCatalogue;

class LicenceQueriesTest {

    private final LicenceQueries queries = new LicenceQueries();

    @Test
    void spdxLicencesCarryTheListsOsiAndFsfFlagsAndOpenDataIsMarked() {
        LicenceView gpl = queries.handle(new GetLicence("gpl-3.0-only")).orElseThrow();
        assertThat(gpl.id()).isEqualTo("GPL-3.0-only");
        assertThat(gpl.kind()).isEqualTo("spdx");
        assertThat(gpl.osiApproved()).isTrue();
        assertThat(gpl.fsfLibre()).isTrue();
        assertThat(gpl.openData()).isFalse();
        assertThat(gpl.terms()).isNull();

        LicenceView odbl = queries.handle(new GetLicence("ODbL-1.0")).orElseThrow();
        assertThat(odbl.openData()).isTrue();
        // listed by SPDX, approved by neither OSI nor the FSF
        LicenceView cdla = queries.handle(new GetLicence("CDLA-Permissive-2.0")).orElseThrow();
        assertThat(cdla.openData()).isTrue();
        assertThat(cdla.osiApproved()).isFalse();
    }

    @Test
    void catalogueLicencesCarryTheirStructuredTerms() {
        LicenceView llama = queries.handle(new GetLicence("Llama3.1-Community")).orElseThrow();
        assertThat(llama.kind()).isEqualTo("catalogue");
        assertThat(llama.osiApproved()).isFalse();
        assertThat(llama.terms().monthlyActiveUsers()).isEqualTo(700_000_000L);
        assertThat(llama.terms().acceptableUsePolicy()).isTrue();
        assertThat(llama.terms().namingDuty()).contains("Built with Llama");

        LicenceView mistral = queries.handle(new GetLicence("mistral-research")).orElseThrow();
        assertThat(mistral.terms().commercialUse()).isEqualTo("prohibited");
        assertThat(mistral.terms().monthlyActiveUsers()).isNull();
        assertThat(queries.handle(new GetLicence("qwen-licence")).orElseThrow().terms().monthlyActiveUsers())
                .isEqualTo(100_000_000L);
    }

    @Test
    void everyCatalogueLicenceStatesItsTermsAndWhereItsTextIs() {
        for (LicenceCatalogue licence : LicenceCatalogue.values()) {
            assertThat(licence.terms()).as(licence.id()).isNotNull();
            assertThat(licence.terms().source()).as(licence.id()).startsWith("https://");
            assertThat(licence.terms().commercialUse()).as(licence.id()).isIn("allowed", "restricted", "prohibited");
        }
    }

    @Test
    void anUnknownIdIsEmpty() {
        assertThat(queries.handle(new GetLicence("no-such-licence"))).isEmpty();
        assertThat(queries.handle(new GetLicence(" "))).isEmpty();
    }
}
