package org.opennessledger.contracts.licences;

/** The annotation no longer supports the licence term; {@code adminId} withdrew it. */
public record LicenceTermCitationWithdrawn(String licenceId, LicenceTerm term, String annotationId, String adminId) {
}
