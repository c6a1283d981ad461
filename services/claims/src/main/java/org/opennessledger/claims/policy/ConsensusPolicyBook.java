package org.opennessledger.claims.policy;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.time.Duration;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.opennessledger.claims.Actors;
import org.opennessledger.contracts.errors.CommandRejected;
import org.opennessledger.contracts.policy.ConsensusPolicyPublished;
import org.opennessledger.contracts.policy.PublishConsensusPolicy;
import org.opennessledger.contracts.values.Role;

/**
 * The one book of consensus policy versions (id {@link PublishConsensusPolicy#POLICY_BOOK_ID}).
 * The built-in default is "v1" ("v1+lock-&lt;period&gt;" when the platform overrides its lock period,
 * see {@link ConsensusPolicy#builtIn}); published versions are "v2", "v3", ...
 */
// Snapshots serialize the aggregate's fields with Jackson, whatever the platform's visibility settings.
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE, setterVisibility = JsonAutoDetect.Visibility.NONE)
public class ConsensusPolicyBook {

    public static final int MAX_MINIMUM_REVIEWS = 100;
    public static final Duration MIN_LOCK_AFTER = Duration.ofSeconds(1);
    public static final Duration MAX_LOCK_AFTER = Duration.ofDays(365);

    @AggregateIdentifier
    private String bookId;
    private int publishedVersions;

    protected ConsensusPolicyBook() {
        // for event sourcing, and for the first publication (created if missing)
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    /** Publishes the next version and returns its name ("v2", "v3", ...). */
    public String handle(PublishConsensusPolicy command, MetaData metaData) {
        Actors.requireRole(metaData, "publishing a consensus policy", Role.ADMIN);
        if (command.minimumReviews() < 1 || command.minimumReviews() > MAX_MINIMUM_REVIEWS) {
            throw CommandRejected.invalid("minimumReviews must be between 1 and " + MAX_MINIMUM_REVIEWS
                    + ", got " + command.minimumReviews());
        }
        requireRatio("acceptRatio", command.acceptRatio());
        requireRatio("rejectRatio", command.rejectRatio());
        Duration lockAfter = command.lockAfter();
        if (lockAfter == null || lockAfter.compareTo(MIN_LOCK_AFTER) < 0 || lockAfter.compareTo(MAX_LOCK_AFTER) > 0) {
            throw CommandRejected.invalid("lockAfter must be between 1 second and 365 days, got " + lockAfter);
        }
        String version = "v" + (publishedVersions + 2);
        apply(new ConsensusPolicyPublished(version, command.minimumReviews(), command.acceptRatio(),
                command.rejectRatio(), lockAfter));
        return version;
    }

    @EventSourcingHandler
    void on(ConsensusPolicyPublished event) {
        bookId = PublishConsensusPolicy.POLICY_BOOK_ID;
        publishedVersions++;
    }

    private static void requireRatio(String name, double ratio) {
        if (!(ratio > 0.5 && ratio <= 1.0)) {
            throw CommandRejected.invalid(name + " must be above 0.5 and at most 1.0, got " + ratio);
        }
    }
}
