package org.opennessledger.claims.policy;

import java.time.Duration;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.opennessledger.contracts.policy.ConsensusPolicyPublished;
import org.opennessledger.contracts.policy.PublishConsensusPolicy;

/**
 * Reads the policy book's event stream: the latest {@link ConsensusPolicyPublished} is in force;
 * before any, the built-in default (whose lock period the platform may set by configuration, which
 * then shows in its version: see {@link ConsensusPolicy#builtIn}).
 * It reads events, not snapshots, so snapshotting the book changes nothing here; the stream holds
 * one event per published version, so reading it per decision stays cheap.
 */
public class EventStoreConsensusPolicyProvider implements ConsensusPolicyProvider {

    private final EventStore eventStore;
    private final ConsensusPolicy defaultPolicy;

    public EventStoreConsensusPolicyProvider(EventStore eventStore, Duration defaultLockAfter) {
        this.eventStore = eventStore;
        this.defaultPolicy = ConsensusPolicy.builtIn(defaultLockAfter);
    }

    @Override
    public ConsensusPolicy current() {
        ConsensusPolicyPublished latest = null;
        DomainEventStream stream = eventStore.readEvents(PublishConsensusPolicy.POLICY_BOOK_ID, 0L);
        while (stream.hasNext()) {
            if (stream.next().getPayload() instanceof ConsensusPolicyPublished published) {
                latest = published;
            }
        }
        return latest == null ? defaultPolicy : ConsensusPolicy.of(latest);
    }
}
