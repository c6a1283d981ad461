package org.opennessledger.claims.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opennessledger.contracts.policy.ConsensusPolicyPublished;
import org.opennessledger.contracts.policy.PublishConsensusPolicy;

class EventStoreConsensusPolicyProviderTest {

    private final EmbeddedEventStore eventStore =
            EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();

    @AfterEach
    void shutDown() {
        eventStore.shutDown();
    }

    @Test
    void without_an_override_the_built_in_policy_is_v1() {
        ConsensusPolicy current = new EventStoreConsensusPolicyProvider(eventStore, null).current();
        assertThat(current).isEqualTo(ConsensusPolicy.DEFAULT);
        assertThat(current.version()).isEqualTo("v1");
    }

    @Test
    void an_override_equal_to_fourteen_days_is_still_v1() {
        assertThat(new EventStoreConsensusPolicyProvider(eventStore, Duration.ofHours(14 * 24)).current())
                .isEqualTo(ConsensusPolicy.DEFAULT);
    }

    @Test
    void an_overridden_lock_period_is_named_in_the_version() {
        ConsensusPolicy current = new EventStoreConsensusPolicyProvider(eventStore, Duration.ofSeconds(3)).current();
        assertThat(current.version()).isEqualTo("v1+lock-PT3S");
        assertThat(current.lockAfter()).isEqualTo(Duration.ofSeconds(3));
        // the thresholds stay those of v1
        assertThat(current.minimumReviews()).isEqualTo(ConsensusPolicy.DEFAULT.minimumReviews());
        assertThat(current.acceptRatio()).isEqualTo(ConsensusPolicy.DEFAULT.acceptRatio());
        assertThat(current.rejectRatio()).isEqualTo(ConsensusPolicy.DEFAULT.rejectRatio());

        assertThat(new EventStoreConsensusPolicyProvider(eventStore, Duration.ofDays(30)).current().version())
                .isEqualTo("v1+lock-PT720H");
    }

    @Test
    void the_latest_published_policy_wins_over_the_built_in_one() {
        publish(0, new ConsensusPolicyPublished("v2", 5, 0.75, 0.8, Duration.ofDays(7)));
        publish(1, new ConsensusPolicyPublished("v3", 2, 1.0, 1.0, Duration.ofDays(1)));
        assertThat(new EventStoreConsensusPolicyProvider(eventStore, Duration.ofSeconds(3)).current())
                .isEqualTo(new ConsensusPolicy("v3", 2, 1.0, 1.0, Duration.ofDays(1)));
    }

    private void publish(long sequence, ConsensusPolicyPublished event) {
        eventStore.publish(new GenericDomainEventMessage<>("ConsensusPolicyBook", PublishConsensusPolicy.POLICY_BOOK_ID,
                sequence, event));
    }
}
