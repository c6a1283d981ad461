package org.opennessledger.claims.document;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.opennessledger.claims.Actors;
import org.opennessledger.claims.CommandChecks;
import org.opennessledger.contracts.annotations.AnnotationCreated;
import org.opennessledger.contracts.annotations.AnnotationReviewed;
import org.opennessledger.contracts.annotations.ReviewAnnotation;
import org.opennessledger.contracts.errors.CommandRejected;
import org.opennessledger.contracts.values.Actor;
import org.opennessledger.contracts.values.Role;
import org.opennessledger.contracts.values.Verdict;

/**
 * One annotation (id = annotationId), created by its {@link Document}: reviewers agree or disagree that
 * it reads its passage right, one active review each, changeable, every change kept as an event.
 */
// Snapshots serialize the aggregate's fields with Jackson, whatever the platform's visibility settings.
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE, setterVisibility = JsonAutoDetect.Visibility.NONE)
public class Annotation {

    public static final int MAX_REASON = 2000;

    @AggregateIdentifier
    private String annotationId;
    private String creatorId;
    private Map<String, Verdict> verdicts = new HashMap<>();
    /** Reviewer to the reason of their active review (absent when it gave none). */
    private Map<String, String> reasons = new HashMap<>();

    protected Annotation() {
        // for event sourcing
    }

    Annotation(AnnotationCreated created) {
        apply(created);
    }

    @CommandHandler
    public void handle(ReviewAnnotation command, MetaData metaData) {
        Actor reviewer = Actors.requireRole(metaData, "reviewing an annotation", Role.REVIEWER);
        if (reviewer.subject().equals(creatorId)) {
            throw CommandRejected.forbidden("the creator of annotation " + annotationId + " cannot review it");
        }
        Verdict verdict = CommandChecks.required(command.verdict(), "verdict");
        String reason = CommandChecks.reviewReason(verdict, command.reason(), MAX_REASON);
        Verdict previous = verdicts.get(reviewer.subject());
        if (previous == verdict && Objects.equals(reason, reasons.get(reviewer.subject()))) {
            return; // the same review again says nothing new
        }
        int agree = count(Verdict.AGREE) + (verdict == Verdict.AGREE ? 1 : 0) - (previous == Verdict.AGREE ? 1 : 0);
        int disagree = count(Verdict.DISAGREE) + (verdict == Verdict.DISAGREE ? 1 : 0)
                - (previous == Verdict.DISAGREE ? 1 : 0);
        apply(new AnnotationReviewed(annotationId, reviewer.subject(), verdict, reason, previous, agree, disagree));
    }

    private int count(Verdict verdict) {
        return (int) verdicts.values().stream().filter(v -> v == verdict).count();
    }

    @EventSourcingHandler
    void on(AnnotationCreated event) {
        annotationId = event.annotationId();
        creatorId = event.creatorId();
    }

    @EventSourcingHandler
    void on(AnnotationReviewed event) {
        verdicts.put(event.reviewerId(), event.verdict());
        if (event.justification() == null) {
            reasons.remove(event.reviewerId());
        } else {
            reasons.put(event.reviewerId(), event.justification());
        }
    }
}
