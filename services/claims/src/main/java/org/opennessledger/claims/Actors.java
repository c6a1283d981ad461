package org.opennessledger.claims;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.axonframework.messaging.MetaData;
import org.opennessledger.contracts.errors.CommandRejected;
import org.opennessledger.contracts.values.Actor;
import org.opennessledger.contracts.values.LedgerMetaData;
import org.opennessledger.contracts.values.Role;

/** Reads the acting subject and roles from a command's metadata and enforces role rules. */
public final class Actors {

    private Actors() {
    }

    /**
     * The actor named by {@link LedgerMetaData#ACTOR_ID}, {@link LedgerMetaData#ACTOR_ROLES} and, for a
     * producer, {@link LedgerMetaData#PRODUCER_ORG}.
     *
     * @throws CommandRejected FORBIDDEN when the command names no actor
     */
    public static Actor from(MetaData metaData) {
        Object subject = metaData == null ? null : metaData.get(LedgerMetaData.ACTOR_ID);
        if (!(subject instanceof String id) || id.isBlank()) {
            throw CommandRejected.forbidden("the command names no actor (metadata '" + LedgerMetaData.ACTOR_ID + "')");
        }
        Object roles = metaData.get(LedgerMetaData.ACTOR_ROLES);
        Object producerOrg = metaData.get(LedgerMetaData.PRODUCER_ORG);
        return new Actor(id, Actor.parseRoles(roles instanceof String text ? text : null),
                producerOrg instanceof String org ? org : null);
    }

    /**
     * The actor, who must hold at least one of {@code anyOf}.
     *
     * @param action what the actor tries to do, for the message, e.g. "registering a model family"
     */
    public static Actor requireRole(MetaData metaData, String action, Role... anyOf) {
        Actor actor = from(metaData);
        if (Arrays.stream(anyOf).noneMatch(actor::has)) {
            String roles = Arrays.stream(anyOf).map(Role::id).collect(Collectors.joining(" or "));
            throw CommandRejected.forbidden(action + " needs the " + roles + " role");
        }
        return actor;
    }
}
