package org.opennessledger.claims.licence;

import static org.opennessledger.claims.Rejections.rejected;
import static org.opennessledger.claims.TestActors.admin;
import static org.opennessledger.claims.TestActors.reviewer;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennessledger.claims.AggregateCommandTargetResolver;
import org.opennessledger.contracts.errors.CommandRejected.Reason;
import org.opennessledger.contracts.licences.CiteAnnotationForLicenceTerm;
import org.opennessledger.contracts.licences.LicenceTerm;
import org.opennessledger.contracts.licences.LicenceTermCitationWithdrawn;
import org.opennessledger.contracts.licences.LicenceTermCited;
import org.opennessledger.contracts.licences.WithdrawLicenceTermCitation;

/** Admins back a catalogue licence's terms with annotated passages: one citation per term and annotation. */
class LicenceEntryTest {

    private static final String LICENCE = "llama3.1-community";
    private static final String CAP = "0b6f7c1e-6d2a-4f39-9a57-2f0c1d3e4b5a";
    private static final LicenceTermCited CITED = new LicenceTermCited(LICENCE, LicenceTerm.MONTHLY_ACTIVE_USERS, CAP,
            "ada");

    private FixtureConfiguration<LicenceEntry> fixture;

    @BeforeEach
    void setUp() {
        fixture = newFixture();
    }

    /** A fixture of its own for each aggregate id: one fixture follows a single aggregate. */
    private static FixtureConfiguration<LicenceEntry> newFixture() {
        FixtureConfiguration<LicenceEntry> fresh = new AggregateTestFixture<>(LicenceEntry.class);
        fresh.registerCommandTargetResolver(new AggregateCommandTargetResolver());
        return fresh;
    }

    @Test
    void anAdminCitesAPassageForATermOnceAndMayWithdrawIt() {
        fixture.givenNoPriorActivity()
                .when(new CiteAnnotationForLicenceTerm(LICENCE, LicenceTerm.MONTHLY_ACTIVE_USERS, CAP), admin("ada"))
                .expectEvents(CITED);
        fixture.given(CITED)
                .when(new CiteAnnotationForLicenceTerm(LICENCE, LicenceTerm.MONTHLY_ACTIVE_USERS, CAP), admin("ada"))
                .expectException(rejected(Reason.CONFLICT, "already cites")).expectNoEvents();
        // the same passage may back another term
        fixture.given(CITED)
                .when(new CiteAnnotationForLicenceTerm(LICENCE, LicenceTerm.COMMERCIAL_USE, CAP), admin("ada"))
                .expectEvents(new LicenceTermCited(LICENCE, LicenceTerm.COMMERCIAL_USE, CAP, "ada"));
        fixture.given(CITED)
                .when(new WithdrawLicenceTermCitation(LICENCE, LicenceTerm.MONTHLY_ACTIVE_USERS, CAP), admin("root"))
                .expectEvents(new LicenceTermCitationWithdrawn(LICENCE, LicenceTerm.MONTHLY_ACTIVE_USERS, CAP, "root"));
        fixture.given(CITED, new LicenceTermCitationWithdrawn(LICENCE, LicenceTerm.MONTHLY_ACTIVE_USERS, CAP, "root"))
                .when(new WithdrawLicenceTermCitation(LICENCE, LicenceTerm.MONTHLY_ACTIVE_USERS, CAP), admin("root"))
                .expectException(rejected(Reason.NOT_FOUND, "does not cite")).expectNoEvents();
    }

    @Test
    void onlyAdminsCiteAndOnlyForCatalogueLicencesByTheirOwnId() {
        fixture.givenNoPriorActivity()
                .when(new CiteAnnotationForLicenceTerm(LICENCE, LicenceTerm.NAMING_DUTY, CAP), reviewer("bob"))
                .expectException(rejected(Reason.FORBIDDEN, "admin")).expectNoEvents();
        fixture.given(CITED)
                .when(new WithdrawLicenceTermCitation(LICENCE, LicenceTerm.MONTHLY_ACTIVE_USERS, CAP), reviewer("bob"))
                .expectException(rejected(Reason.FORBIDDEN, "admin")).expectNoEvents();
        newFixture().givenNoPriorActivity()
                .when(new CiteAnnotationForLicenceTerm("MIT", LicenceTerm.NAMING_DUTY, CAP), admin("ada"))
                .expectException(rejected(Reason.NOT_FOUND, "not in the ledger's catalogue")).expectNoEvents();
        newFixture().givenNoPriorActivity()
                .when(new CiteAnnotationForLicenceTerm("LLAMA3.1-Community", LicenceTerm.NAMING_DUTY, CAP), admin("ada"))
                .expectException(rejected(Reason.INVALID, "catalogue id 'llama3.1-community'")).expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new CiteAnnotationForLicenceTerm(LICENCE, null, CAP), admin("ada"))
                .expectException(rejected(Reason.INVALID, "term")).expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new CiteAnnotationForLicenceTerm(LICENCE, LicenceTerm.NAMING_DUTY, "not-a-uuid"), admin("ada"))
                .expectException(rejected(Reason.INVALID, "annotationId")).expectNoEvents();
    }
}
