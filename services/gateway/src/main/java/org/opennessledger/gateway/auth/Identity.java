package org.opennessledger.gateway.auth;

import org.opennessledger.contracts.values.Actor;

/**
 * A verified token's person: the actor (what commands and events carry: a stable subject id, never a
 * name) and the display name the token gives (preferred_username, else name; null if none), which
 * only the erasable profile store keeps.
 */
public record Identity(Actor actor, String displayName) {
}
