package org.opennessledger.contracts.licences;

/** The annotation now supports the licence term; {@code adminId} cited it. */
public record LicenceTermCited(String licenceId, LicenceTerm term, String annotationId, String adminId) {
}
