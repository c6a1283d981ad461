package org.opennessledger.assessments.profiles;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Date;
import java.util.Objects;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.opennessledger.contracts.errors.CommandRejected;
import org.opennessledger.contracts.profiles.EraseProfile;
import org.opennessledger.contracts.profiles.RememberDisplayName;
import org.opennessledger.contracts.queries.Queries.GetProfile;
import org.opennessledger.contracts.values.Actor;
import org.opennessledger.contracts.values.LedgerMetaData;
import org.opennessledger.contracts.values.Role;
import org.opennessledger.contracts.views.ProfileView;

/**
 * The profile store: display names by subject id, in their own collection. Not a projection (events
 * hold no names), so a rebuild never drops it and a snapshot never copies it; an erasure removes the
 * name and keeps only when and why it was erased.
 */
public final class Profiles {

    public static final String COLLECTION = "profiles";

    private final MongoCollection<Document> collection;
    private final InstantSource clock;

    public Profiles(MongoDatabase database, InstantSource clock) {
        this.collection = database.getCollection(COLLECTION);
        this.clock = Objects.requireNonNull(clock);
    }

    @CommandHandler
    public void handle(RememberDisplayName command, MetaData metaData) {
        String actor = (String) metaData.get(LedgerMetaData.ACTOR_ID);
        if (actor == null || !actor.equals(command.subject())) {
            throw CommandRejected.forbidden("only the person themselves may set their display name");
        }
        Document current = collection.find(eq("_id", command.subject())).first();
        if (current != null && command.displayName().equals(current.getString("displayName"))) {
            return;
        }
        Date now = Date.from(clock.instant());
        // Updates, not a replacement: an earlier erasure's record (when, by whom, why) is kept.
        collection.updateOne(eq("_id", command.subject()), Updates.combine(
                        Updates.set("displayName", command.displayName()),
                        Updates.setOnInsert("firstSeenAt", now),
                        Updates.set("updatedAt", now)),
                new UpdateOptions().upsert(true));
    }

    @CommandHandler
    public void handle(EraseProfile command, MetaData metaData) {
        Object roles = metaData.get(LedgerMetaData.ACTOR_ROLES);
        if (!Actor.parseRoles(roles instanceof String text ? text : null).contains(Role.ADMIN)) {
            throw CommandRejected.forbidden("only admins erase profiles");
        }
        Document current = collection.find(eq("_id", command.subject())).first();
        if (current == null) {
            throw CommandRejected.notFound("no profile is kept for subject " + command.subject());
        }
        Date now = Date.from(clock.instant());
        collection.updateOne(eq("_id", command.subject()), Updates.combine(
                Updates.set("displayName", null),
                Updates.set("updatedAt", now),
                Updates.set("erasedAt", now),
                Updates.set("erasedBy", metaData.get(LedgerMetaData.ACTOR_ID)),
                Updates.set("erasureReason", command.reason())));
    }

    @QueryHandler
    public Optional<ProfileView> handle(GetProfile query) {
        Document profile = query.subject() == null ? null : collection.find(eq("_id", query.subject())).first();
        return Optional.ofNullable(profile).map(p -> new ProfileView(p.getString("_id"), p.getString("displayName"),
                instant(p.getDate("firstSeenAt")), instant(p.getDate("updatedAt")), instant(p.getDate("erasedAt"))));
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
