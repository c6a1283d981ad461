package org.opennessledger.claims.document;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.opennessledger.claims.Actors;
import org.opennessledger.claims.CommandChecks;
import org.opennessledger.claims.debate.ArgumentThreads;
import org.opennessledger.claims.debate.ArgumentThreads.ThreadArgument;
import org.opennessledger.contracts.annotations.AnnotationArgumentEdited;
import org.opennessledger.contracts.annotations.AnnotationArgumentPosted;
import org.opennessledger.contracts.annotations.AnnotationCreated;
import org.opennessledger.contracts.annotations.AnnotationReviewed;
import org.opennessledger.contracts.annotations.EditAnnotationArgument;
import org.opennessledger.contracts.annotations.PostAnnotationArgument;
import org.opennessledger.contracts.annotations.ReviewAnnotation;
import org.opennessledger.contracts.errors.CommandRejected;
import org.opennessledger.contracts.values.Actor;
import org.opennessledger.contracts.values.Evidence;
import org.opennessledger.contracts.values.Role;
import org.opennessledger.contracts.values.Stance;
import org.opennessledger.contracts.values.Verdict;

/**
 * One annotation (id = annotationId), created by its {@link Document}: reviewers agree or disagree that
 * it reads its passage right, one active review each, changeable, every change kept as an event; and they
 * debate it in argument threads that follow a claim's rules ({@link ArgumentThreads}).
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
    private Map<String, ThreadArgument> arguments = new HashMap<>();

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

    /** A reviewer's argument on the annotation, top-level or a reply; its creator may argue too. */
    @CommandHandler
    public void handle(PostAnnotationArgument command, MetaData metaData) {
        Actor author = Actors.requireRole(metaData, "arguing about an annotation", Role.REVIEWER);
        String parentId = command.parentArgumentId();
        String argumentId = ArgumentThreads.newArgumentId(arguments, command.argumentId(), parentId,
                "annotation " + annotationId);
        Stance stance = CommandChecks.required(command.stance(), "stance (pro, con or question)");
        String text = ArgumentThreads.text(command.text());
        List<Evidence> evidence = ArgumentThreads.evidence(command.evidence());
        apply(new AnnotationArgumentPosted(annotationId, argumentId, parentId, stance, text, evidence,
                author.subject()));
    }

    /** A new revision by the argument's author; every earlier revision stays in the stream. */
    @CommandHandler
    public void handle(EditAnnotationArgument command, MetaData metaData) {
        Actor editor = Actors.requireRole(metaData, "editing an argument", Role.REVIEWER);
        ThreadArgument argument = ArgumentThreads.editable(arguments, command.argumentId(), editor,
                "annotation " + annotationId);
        String text = ArgumentThreads.text(command.text());
        List<Evidence> evidence = ArgumentThreads.evidence(command.evidence());
        ArgumentThreads.requireChange(argument, command.argumentId(), text, evidence);
        apply(new AnnotationArgumentEdited(annotationId, command.argumentId(), argument.revision() + 1, text, evidence,
                argument.replies() > 0, editor.subject()));
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

    @EventSourcingHandler
    void on(AnnotationArgumentPosted event) {
        ArgumentThreads.posted(arguments, event.argumentId(), event.parentArgumentId(), event.authorId(), event.text(),
                event.evidence());
    }

    @EventSourcingHandler
    void on(AnnotationArgumentEdited event) {
        ArgumentThreads.edited(arguments, event.argumentId(), event.revision(), event.text(), event.evidence());
    }
}
