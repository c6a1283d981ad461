package org.opennessledger.contracts.profiles;

/**
 * Keep the name a person's token gives, for showing beside their subject id. Not an event: names live
 * only in the profile store, so they can be erased without touching the log. Only the person
 * themselves (the command's actor) may set their name.
 */
public record RememberDisplayName(String subject, String displayName) {
}
