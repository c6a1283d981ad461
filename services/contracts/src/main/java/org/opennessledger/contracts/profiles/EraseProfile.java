package org.opennessledger.contracts.profiles;

/** Erase the name kept for a person (admins, on request); what the person did stays in the log under their subject id. */
public record EraseProfile(String subject, String reason) {
}
