package org.opennessledger.claims;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

/**
 * In-memory storage that keeps snapshots serialized, as a database would: every load gets a fresh
 * aggregate deserialized with the given serializer, never the instance that was snapshotted.
 */
public class SnapshotSerializingStorageEngine extends InMemoryEventStorageEngine {

    private record StoredSnapshot(String type, long sequenceNumber, SerializedObject<byte[]> payload,
                                  MetaData metaData) {
    }

    private final Serializer serializer;
    private final Map<String, StoredSnapshot> snapshots = new ConcurrentHashMap<>();
    private final AtomicInteger stored = new AtomicInteger();

    public SnapshotSerializingStorageEngine(Serializer serializer) {
        this.serializer = serializer;
    }

    @Override
    public void storeSnapshot(DomainEventMessage<?> snapshot) {
        snapshots.put(snapshot.getAggregateIdentifier(), new StoredSnapshot(snapshot.getType(),
                snapshot.getSequenceNumber(), serializer.serialize(snapshot.getPayload(), byte[].class),
                snapshot.getMetaData()));
        stored.incrementAndGet();
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        StoredSnapshot snapshot = snapshots.get(aggregateIdentifier);
        if (snapshot == null) {
            return Optional.empty();
        }
        Object payload = serializer.deserialize(snapshot.payload());
        return Optional.of(new GenericDomainEventMessage<>(snapshot.type(), aggregateIdentifier,
                snapshot.sequenceNumber(), payload, snapshot.metaData()));
    }

    public int snapshotsStored() {
        return stored.get();
    }

    public boolean hasSnapshot(String aggregateIdentifier) {
        return snapshots.containsKey(aggregateIdentifier);
    }
}
