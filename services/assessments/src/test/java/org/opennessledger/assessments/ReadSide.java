package org.opennessledger.assessments;

import static com.mongodb.client.model.Sorts.ascending;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.IdentifierFactory;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.bson.Document;
import org.opennessledger.assessments.readmodel.ReadModels;
import org.opennessledger.contracts.values.LedgerMetaData;

/**
 * The read side as the platform runs it, in one JVM: an in-process mongo-java-server spoken to by
 * the real driver, an Axon configuration with an in-memory event store, the projections in a
 * tracking (or subscribing) processor and the query handlers behind the real query gateway.
 * Events get timestamps from a test clock one minute apart, so stored times are predictable.
 */
final class ReadSide implements AutoCloseable {

    static final Instant START = Instant.parse("2025-03-01T09:00:00Z");

    private final MongoServer server;
    private final MongoClient client;
    final MongoDatabase database;
    private final Configuration axon;
    private final EventStore eventStore;
    private final QueryGateway queryGateway;
    private final boolean tracking;
    private volatile Instant clock = START;
    /** The time query answers measure ages against; by default the last event's. */
    private volatile Instant queryTime;

    private ReadSide(boolean tracking) {
        this.tracking = tracking;
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
        database = client.getDatabase("ledger");
        AssessmentsConfiguration.ensureIndexes(database, true);

        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine());
        AssessmentsConfiguration.PROCESSING_GROUPS.forEach(group -> {
            if (tracking) {
                // A short availability timeout only makes shutdown quick; delivery is woken by each append.
                configurer.eventProcessing().registerTrackingEventProcessor(group, Configuration::eventStore,
                        c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andEventAvailabilityTimeout(50, TimeUnit.MILLISECONDS));
            } else {
                configurer.eventProcessing().registerSubscribingEventProcessor(group);
            }
        });
        AssessmentsConfiguration.registerWith(configurer, database, () -> queryTime != null ? queryTime : clock);
        axon = configurer.start();
        eventStore = axon.eventStore();
        queryGateway = axon.queryGateway();
    }

    static ReadSide tracking() {
        return new ReadSide(true);
    }

    static ReadSide subscribing() {
        return new ReadSide(false);
    }

    /** An event as the write side would store it: who, with which roles, why, and a correlation id. */
    EventMessage<?> message(Object payload, String actorId, String roles, String reason) {
        clock = clock.plus(Duration.ofMinutes(1));
        Map<String, Object> metaData = new LinkedHashMap<>();
        metaData.put(LedgerMetaData.ACTOR_ID, actorId);
        metaData.put(LedgerMetaData.ACTOR_ROLES, roles);
        if (reason != null) {
            metaData.put(LedgerMetaData.REASON, reason);
        }
        metaData.put(LedgerMetaData.CORRELATION_ID, "corr-" + actorId);
        return new GenericEventMessage<>(IdentifierFactory.getInstance().generateIdentifier(), payload,
                MetaData.from(metaData), clock);
    }

    EventMessage<?> publish(Object payload, String actorId, String roles, String reason) {
        EventMessage<?> message = message(payload, actorId, roles, reason);
        publish(message);
        return message;
    }

    void publish(EventMessage<?> message) {
        eventStore.publish(message);
    }

    /** Waits until the processor has handled everything in the event store (a no-op when subscribing). */
    void awaitProjected() {
        if (!tracking) {
            return;
        }
        TrackingToken head = eventStore.createHeadToken();
        TrackingEventProcessor processor = processor();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            Map<Integer, EventTrackerStatus> status = processor.processingStatus();
            // (A fresh processor starts with a replay token up to the head, so "replaying" says nothing here.)
            if (!status.isEmpty() && status.values().stream().allMatch(s ->
                    head == null || (s.getTrackingToken() != null && s.getTrackingToken().covers(head)))) {
                return;
            }
            sleep();
        }
        throw new AssertionError("the read-models processor did not catch up within 10 s: " + processor.processingStatus());
    }

    /** Delivers every stored event once more, from the start, with its original tracking token. */
    void replayEverything() {
        TrackingEventProcessor processor = processor();
        processor.shutDown(); // releases its segments: the status stays empty until the replay begins
        processor.resetTokens();
        processor.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (processor.processingStatus().isEmpty() && System.nanoTime() < deadline) {
            sleep();
        }
        awaitProjected();
    }

    /** Fixes the time query answers measure ages against. */
    void queryTimeIs(Instant time) {
        queryTime = time;
    }

    <R> R query(Object query, ResponseType<R> responseType) {
        try {
            return queryGateway.query(query, responseType).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("query " + query + " failed", e);
        }
    }

    /** The exception a query fails with, as the query gateway reports it (unwrapped from the future). */
    Throwable queryFailure(Object query, ResponseType<?> responseType) {
        try {
            queryGateway.query(query, responseType).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            throw new AssertionError("query " + query + " did not fail but ended with " + e, e);
        }
        throw new AssertionError("query " + query + " succeeded; a failure was expected");
    }

    /** Every read-model document, per collection, in _id order. */
    Map<String, List<Document>> documents() {
        Map<String, List<Document>> all = new LinkedHashMap<>();
        for (String name : ReadModels.COLLECTIONS) {
            all.put(name, database.getCollection(name).find().sort(ascending("_id")).into(new ArrayList<>()));
        }
        return all;
    }

    private TrackingEventProcessor processor() {
        return axon.eventProcessingConfiguration()
                .eventProcessor(AssessmentsConfiguration.PROCESSING_GROUPS.get(0), TrackingEventProcessor.class)
                .orElseThrow();
    }

    private static void sleep() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        axon.shutdown();
        client.close();
        server.shutdownNow();
    }
}
