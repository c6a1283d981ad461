package org.opennessledger.assessments;

import com.mongodb.client.MongoDatabase;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.function.ToLongFunction;
import org.axonframework.config.Configurer;
import org.axonframework.eventhandling.GenericEventMessage;
import org.opennessledger.assessments.projection.ReadModelProjector;
import org.opennessledger.assessments.query.ReadModelQueries;
import org.opennessledger.assessments.readmodel.ClaimPages;
import org.opennessledger.assessments.profiles.Profiles;
import org.opennessledger.assessments.readmodel.ReadModels;

/**
 * Wires the assessments service (the read side) into an Axon configuration: the projections as
 * event handlers of the processing group {@value ReadModelProjector#PROCESSING_GROUP} and the
 * query handlers. The platform chooses the processor type and the token store for that group.
 */
public final class AssessmentsConfiguration {

    /** Processing groups of the projections; the platform configures a processor for each. */
    public static final List<String> PROCESSING_GROUPS = List.of(ReadModelProjector.PROCESSING_GROUP);

    /** The collections the projections write (their tracking tokens live elsewhere). */
    public static final List<String> READ_MODEL_COLLECTIONS = ReadModels.COLLECTIONS;

    private AssessmentsConfiguration() {
    }

    /**
     * Registers the projections and the query handlers. The group is given a single sequence for
     * all events: versions and pages derive from the order of events across aggregates (a claim's
     * acceptance and a release's registration), so they must not be split over parallel
     * segments. Extra segments simply stay idle.
     */
    public static void registerWith(Configurer configurer, MongoDatabase database) {
        // Axon's clock, read at each query: the one that stamps events (and that tests may move).
        registerWith(configurer, database, () -> GenericEventMessage.clock.instant());
    }

    /**
     * As {@link #registerWith(Configurer, MongoDatabase)}, with the clock that query answers measure
     * ages against (the moderation queue's).
     */
    public static void registerWith(Configurer configurer, MongoDatabase database, InstantSource queryClock) {
        Objects.requireNonNull(configurer, "configurer");
        Objects.requireNonNull(queryClock, "queryClock");
        ReadModels readModels = new ReadModels(database);
        configurer.eventProcessing()
                .registerEventHandler(c -> new ReadModelProjector(readModels))
                // A constant string (not SequentialPolicy's Object) hashes alike on every node.
                .registerSequencingPolicy(ReadModelProjector.PROCESSING_GROUP,
                        c -> event -> ReadModelProjector.PROCESSING_GROUP);
        configurer.registerQueryHandler(c -> new ReadModelQueries(readModels, queryClock));
        // Display names: kept beside the read models, never derived from (or written to) the log.
        Profiles profiles = new Profiles(database, queryClock);
        configurer.registerCommandHandler(c -> profiles);
        configurer.registerQueryHandler(c -> profiles);
    }

    /**
     * Counts the claims a person authored that reached acceptance (ACCEPTED or SUPERSEDED), from the
     * claim pages: what the write side needs to admit proposals on a protected model.
     */
    public static ToLongFunction<String> acceptedClaimsAuthoredBy(MongoDatabase database) {
        ClaimPages claims = new ReadModels(database).claimPages();
        return claims::acceptedClaimsAuthoredBy;
    }

    /**
     * Declares the read models' indexes. Idempotent. Secondary (non-unique) indexes only where the store serves
     * them: a real MongoDB, not the embedded mongo-java-server (see {@link ReadModels#ensureIndexes}).
     */
    public static void ensureIndexes(MongoDatabase database, boolean secondaryIndexes) {
        ReadModels.ensureIndexes(database, secondaryIndexes);
    }

    /** Whether the stored read models were built by today's projections (else drop and replay them). */
    public static boolean readModelsAreCurrent(MongoDatabase database) {
        if (ReadModels.schemaIsCurrent(database)) {
            return true;
        }
        // no read model yet (a new store): nothing was built by older projections
        List<String> existing = database.listCollectionNames().into(new java.util.ArrayList<>());
        return READ_MODEL_COLLECTIONS.stream().noneMatch(existing::contains);
    }

    /** Records that the read models are built by today's projections (after dropping older ones). */
    public static void markReadModelsCurrent(MongoDatabase database) {
        ReadModels.markSchemaCurrent(database);
    }

    /**
     * Drops every read-model collection. A replay (reset of the group's tokens) re-delivers events
     * to documents that have already applied them and changes nothing; to rebuild the read models
     * (e.g. after a projection change), stop the processor, call this, then reset its tokens.
     */
    public static void dropReadModels(MongoDatabase database) {
        ReadModels.drop(database);
    }
}
