package org.opennessledger.assessments.projection;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.opennessledger.assessments.readmodel.Annotations;
import org.opennessledger.assessments.readmodel.AssessmentVersions;
import org.opennessledger.assessments.readmodel.ClaimPages;
import org.opennessledger.assessments.readmodel.Debates;
import org.opennessledger.assessments.readmodel.Disputes;
import org.opennessledger.assessments.readmodel.DocumentLibrary;
import org.opennessledger.assessments.readmodel.EventContext;
import org.opennessledger.assessments.readmodel.Flags;
import org.opennessledger.assessments.readmodel.LicenceCitations;
import org.opennessledger.assessments.readmodel.ModelPages;
import org.opennessledger.assessments.readmodel.ReadModels;
import org.opennessledger.assessments.readmodel.Timeline;
import org.opennessledger.contracts.annotations.AnnotationArgumentEdited;
import org.opennessledger.contracts.annotations.AnnotationArgumentPosted;
import org.opennessledger.contracts.annotations.AnnotationCreated;
import org.opennessledger.contracts.annotations.AnnotationReviewed;
import org.opennessledger.contracts.claims.ClaimAccepted;
import org.opennessledger.contracts.claims.ClaimLocked;
import org.opennessledger.contracts.claims.ClaimProposed;
import org.opennessledger.contracts.claims.ClaimReinstated;
import org.opennessledger.contracts.claims.ClaimRejected;
import org.opennessledger.contracts.claims.ClaimReopened;
import org.opennessledger.contracts.claims.ClaimReviewed;
import org.opennessledger.contracts.claims.ClaimSuperseded;
import org.opennessledger.contracts.debate.ArgumentEdited;
import org.opennessledger.contracts.debate.ArgumentPosted;
import org.opennessledger.contracts.debate.ProducerResponsePosted;
import org.opennessledger.contracts.disputes.AppealWindowClosed;
import org.opennessledger.contracts.disputes.ClaimDisputeSettled;
import org.opennessledger.contracts.disputes.ClaimDisputed;
import org.opennessledger.contracts.disputes.DisputeAppealed;
import org.opennessledger.contracts.disputes.DisputeOpened;
import org.opennessledger.contracts.disputes.DisputeResolved;
import org.opennessledger.contracts.disputes.DisputeTaken;
import org.opennessledger.contracts.documents.AnnotationOrphaned;
import org.opennessledger.contracts.documents.AnnotationPlaced;
import org.opennessledger.contracts.documents.AnnotationReanchored;
import org.opennessledger.contracts.documents.DocumentVersionAdded;
import org.opennessledger.contracts.licences.LicenceTermCitationWithdrawn;
import org.opennessledger.contracts.licences.LicenceTermCited;
import org.opennessledger.contracts.models.AcceptedClaimRecorded;
import org.opennessledger.contracts.models.AcceptedClaimWithdrawn;
import org.opennessledger.contracts.models.ClaimImported;
import org.opennessledger.contracts.models.ModelFamilyRegistered;
import org.opennessledger.contracts.models.ModelProtected;
import org.opennessledger.contracts.models.ModelProtectionLifted;
import org.opennessledger.contracts.models.ModelTypeStated;
import org.opennessledger.contracts.models.ReleaseRegistered;
import org.opennessledger.contracts.moderation.ContentFlagged;
import org.opennessledger.contracts.moderation.ContentHidden;
import org.opennessledger.contracts.moderation.ContentUnhidden;
import org.opennessledger.contracts.moderation.FlagsDismissed;
import org.opennessledger.contracts.policy.ConsensusPolicyPublished;
import org.opennessledger.contracts.values.ClaimStatus;
import org.opennessledger.contracts.values.Evidence;
import org.opennessledger.contracts.values.LedgerMetaData;
import org.opennessledger.contracts.views.ClaimView;
import org.opennessledger.contracts.views.DisputeView;
import org.opennessledger.contracts.views.HiddenView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Projects every ledger event into all read models. One handler class on purpose: the models
 * depend on each other within one event (a model page copies the claim page and the assessment
 * head just written), so each handler updates them in an explicit order — claim page, debate or
 * dispute, assessment versions, model page, history — rather than relying on handler registration order.
 * <p>
 * Handlers take the {@link EventMessage} rather than a {@link TrackingToken} parameter: Axon only
 * invokes a handler with a token parameter for tracked messages, and these projections must also
 * run under a subscribing processor (then history falls back to a local counter for positions).
 */
@ProcessingGroup(ReadModelProjector.PROCESSING_GROUP)
public class ReadModelProjector {

    public static final String PROCESSING_GROUP = "read-models";

    private static final Logger log = LoggerFactory.getLogger(ReadModelProjector.class);
    /** The unit-of-work resource holding the highest position handled in the batch. */
    private static final String HANDLED_UP_TO = ReadModelProjector.class.getName() + ".handledUpTo";

    private final ClaimPages claims;
    private final ModelPages models;
    private final AssessmentVersions assessments;
    private final Timeline timeline;
    private final Debates debates;
    private final Disputes disputes;
    private final Flags flags;
    private final DocumentLibrary documentLibrary;
    private final Annotations annotations;
    private final LicenceCitations licenceCitations;

    public ReadModelProjector(ReadModels readModels) {
        this.claims = readModels.claimPages();
        this.models = readModels.modelPages();
        this.assessments = readModels.assessmentVersions();
        this.timeline = readModels.timeline();
        this.debates = readModels.debates();
        this.disputes = readModels.disputes();
        this.flags = readModels.flags();
        this.documentLibrary = readModels.documentLibrary();
        this.annotations = readModels.annotations();
        this.licenceCitations = readModels.licenceCitations();
    }

    @EventHandler
    public void on(ModelFamilyRegistered event, EventMessage<?> message) {
        EventContext context = context(message);
        models.registered(event, context);
        timeline.record(context, HistorySummaries.of(event), event.modelId(), null, null);
    }

    @EventHandler
    public void on(ModelTypeStated event, EventMessage<?> message) {
        EventContext context = context(message);
        models.typeStated(event, context);
        timeline.record(context, HistorySummaries.of(event), event.modelId(), null, null);
    }

    @EventHandler
    public void on(ModelProtected event, EventMessage<?> message) {
        EventContext context = context(message);
        models.protectedBy(event, context);
        timeline.record(context, HistorySummaries.of(event), event.modelId(), null, null);
    }

    @EventHandler
    public void on(ModelProtectionLifted event, EventMessage<?> message) {
        EventContext context = context(message);
        models.protectionLifted(event, context);
        timeline.record(context, HistorySummaries.of(event), event.modelId(), null, null);
    }

    @EventHandler
    public void on(ReleaseRegistered event, EventMessage<?> message) {
        EventContext context = context(message);
        if (!models.releaseRegistered(event, context)) {
            log.warn("release {} registered for unknown model family {}", event.releaseId(), event.modelId());
        }
        assessments.releaseRegistered(event.modelId(), event.releaseId(), context);
        models.refreshAssessments(event.modelId());
        timeline.record(context, HistorySummaries.of(event), event.modelId(), event.releaseId(), null);
    }

    @EventHandler
    public void on(ClaimProposed event, EventMessage<?> message) {
        EventContext context = context(message);
        models.refreshClaim(claims.proposed(event, context));
        cite(event.evidence(), event.claimId(), event.target().modelId());
        timeline.record(context, HistorySummaries.of(event), event.target().modelId(), event.target().releaseId(),
                event.claimId());
    }

    @EventHandler
    public void on(ClaimReviewed event, EventMessage<?> message) {
        EventContext context = context(message);
        Optional<ClaimView> claim = known(event.claimId(), claims.reviewed(event, context));
        claim.ifPresent(models::refreshClaim);
        timeline.record(context, HistorySummaries.of(event), claim.map(ClaimView::modelId).orElse(null),
                claim.map(ClaimView::releaseId).orElse(null), event.claimId());
    }

    @EventHandler
    public void on(ClaimAccepted event, EventMessage<?> message) {
        EventContext context = context(message);
        Optional<ClaimView> claim = known(event.claimId(), claims.consensusReached(event.claimId(),
                ClaimStatus.ACCEPTED, event.policyVersion(), event.agreeCount(), event.disagreeCount(), context));
        assessments.claimAccepted(event.claimId(), event.target(), claim.orElse(null), context);
        claim.ifPresent(models::refreshClaim);
        models.refreshAssessments(event.target().modelId());
        timeline.record(context, HistorySummaries.of(event, openDispute(claim)), event.target().modelId(),
                event.target().releaseId(), event.claimId());
    }

    @EventHandler
    public void on(ClaimRejected event, EventMessage<?> message) {
        EventContext context = context(message);
        Optional<ClaimView> claim = known(event.claimId(), claims.consensusReached(event.claimId(),
                ClaimStatus.REJECTED, event.policyVersion(), event.agreeCount(), event.disagreeCount(), context));
        if (event.wasAccepted()) {
            assessments.claimWithdrawn(event.claimId(), event.target(), context);
        }
        claim.ifPresent(models::refreshClaim);
        models.refreshAssessments(event.target().modelId());
        timeline.record(context, HistorySummaries.of(event, openDispute(claim)), event.target().modelId(),
                event.target().releaseId(), event.claimId());
    }

    @EventHandler
    public void on(ClaimReopened event, EventMessage<?> message) {
        EventContext context = context(message);
        Optional<ClaimView> claim = known(event.claimId(), claims.consensusReached(event.claimId(),
                ClaimStatus.PROPOSED, event.policyVersion(), event.agreeCount(), event.disagreeCount(), context));
        if (event.previousStatus() == ClaimStatus.ACCEPTED) {
            assessments.claimWithdrawn(event.claimId(), event.target(), context);
        }
        claim.ifPresent(models::refreshClaim);
        models.refreshAssessments(event.target().modelId());
        timeline.record(context, HistorySummaries.of(event), event.target().modelId(), event.target().releaseId(),
                event.claimId());
    }

    @EventHandler
    public void on(ClaimLocked event, EventMessage<?> message) {
        EventContext context = context(message);
        known(event.claimId(), claims.locked(event, context)).ifPresent(models::refreshClaim);
        timeline.record(context, HistorySummaries.of(event), event.target().modelId(), event.target().releaseId(),
                event.claimId());
    }

    @EventHandler
    public void on(ClaimSuperseded event, EventMessage<?> message) {
        EventContext context = context(message);
        Optional<ClaimView> claim = known(event.claimId(), claims.superseded(event, context));
        assessments.claimWithdrawn(event.claimId(), event.target(), context);
        claim.ifPresent(models::refreshClaim);
        models.refreshAssessments(event.target().modelId());
        timeline.record(context, HistorySummaries.of(event), event.target().modelId(), event.target().releaseId(),
                event.claimId());
    }

    @EventHandler
    public void on(ClaimReinstated event, EventMessage<?> message) {
        EventContext context = context(message);
        Optional<ClaimView> claim = known(event.claimId(), claims.reinstated(event, context));
        assessments.claimAccepted(event.claimId(), event.target(), claim.orElse(null), context);
        claim.ifPresent(models::refreshClaim);
        models.refreshAssessments(event.target().modelId());
        timeline.record(context, HistorySummaries.of(event), event.target().modelId(), event.target().releaseId(),
                event.claimId());
    }

    @EventHandler
    public void on(ClaimImported event, EventMessage<?> message) {
        timeline.record(context(message), HistorySummaries.of(event), event.modelId(), event.target().releaseId(),
                event.claimId());
    }

    @EventHandler
    public void on(AcceptedClaimRecorded event, EventMessage<?> message) {
        timeline.record(context(message), HistorySummaries.of(event), event.modelId(), event.target().releaseId(),
                event.claimId());
    }

    @EventHandler
    public void on(AcceptedClaimWithdrawn event, EventMessage<?> message) {
        timeline.record(context(message), HistorySummaries.of(event), event.modelId(), event.target().releaseId(),
                event.claimId());
    }

    @EventHandler
    public void on(ConsensusPolicyPublished event, EventMessage<?> message) {
        timeline.record(context(message), HistorySummaries.of(event), null, null, null);
    }

    /** Flags are for moderators: they feed the queue, not the public history. */
    @EventHandler
    public void on(ContentFlagged event, EventMessage<?> message) {
        flags.flagged(event, event.target().modelId(), context(message));
    }

    @EventHandler
    public void on(ContentHidden event, EventMessage<?> message) {
        EventContext context = context(message);
        markHidden(event.claimId(), event.argumentId(),
                new HiddenView(event.moderatorId(), event.reason(), context.timestamp()), context);
        flags.settled(event.claimId(), event.argumentId(), "hidden", event.moderatorId(), event.reason(), context);
        timeline.record(context, HistorySummaries.of(event), event.target().modelId(), event.target().releaseId(),
                event.claimId());
    }

    @EventHandler
    public void on(ContentUnhidden event, EventMessage<?> message) {
        EventContext context = context(message);
        markHidden(event.claimId(), event.argumentId(), null, context);
        timeline.record(context, HistorySummaries.of(event), event.target().modelId(), event.target().releaseId(),
                event.claimId());
    }

    @EventHandler
    public void on(FlagsDismissed event, EventMessage<?> message) {
        flags.settled(event.claimId(), event.argumentId(), "dismissed", event.moderatorId(), event.reason(),
                context(message));
    }

    @EventHandler
    public void on(DocumentVersionAdded event, EventMessage<?> message) {
        EventContext context = context(message);
        documentLibrary.versionAdded(event, context);
        timeline.record(context, HistorySummaries.of(event), null, null, null);
    }

    @EventHandler
    public void on(AnnotationCreated event, EventMessage<?> message) {
        EventContext context = context(message);
        annotations.created(event, context);
        timeline.record(context, HistorySummaries.of(event), null, null, null);
    }

    /** The document's own record of an annotation it placed: the annotation's page comes from AnnotationCreated. */
    @EventHandler
    public void on(AnnotationPlaced event, EventMessage<?> message) {
        context(message);
    }

    @EventHandler
    public void on(AnnotationReanchored event, EventMessage<?> message) {
        EventContext context = context(message);
        annotations.reanchored(event, context);
        timeline.record(context, HistorySummaries.of(event), null, null, null);
    }

    @EventHandler
    public void on(AnnotationOrphaned event, EventMessage<?> message) {
        EventContext context = context(message);
        annotations.orphaned(event, context);
        timeline.record(context, HistorySummaries.of(event), null, null, null);
    }

    @EventHandler
    public void on(AnnotationReviewed event, EventMessage<?> message) {
        EventContext context = context(message);
        annotations.reviewed(event, context);
        timeline.record(context, HistorySummaries.of(event), null, null, null);
    }

    @EventHandler
    public void on(AnnotationArgumentPosted event, EventMessage<?> message) {
        EventContext context = context(message);
        debates.posted(event, context);
        timeline.record(context, HistorySummaries.of(event), null, null, null);
    }

    @EventHandler
    public void on(AnnotationArgumentEdited event, EventMessage<?> message) {
        EventContext context = context(message);
        if (!debates.edited(event, context)) {
            log.warn("edit of unknown argument {} of annotation {} (no AnnotationArgumentPosted projected); only its"
                    + " history entry is written", event.argumentId(), event.annotationId());
        }
        timeline.record(context, HistorySummaries.of(event), null, null, null);
    }

    @EventHandler
    public void on(LicenceTermCited event, EventMessage<?> message) {
        EventContext context = context(message);
        licenceCitations.cited(event, annotations.find(event.annotationId()).orElse(null), context);
        timeline.record(context, HistorySummaries.of(event), null, null, null);
    }

    @EventHandler
    public void on(LicenceTermCitationWithdrawn event, EventMessage<?> message) {
        EventContext context = context(message);
        licenceCitations.withdrawn(event, context);
        timeline.record(context, HistorySummaries.of(event), null, null, null);
    }

    private void markHidden(String claimId, String argumentId, HiddenView hidden, EventContext context) {
        if (argumentId == null) {
            known(claimId, claims.markHidden(claimId, hidden, context)).ifPresent(models::refreshClaim);
        } else {
            debates.markHidden(claimId, argumentId, hidden, context);
        }
    }

    @EventHandler
    public void on(ProducerResponsePosted event, EventMessage<?> message) {
        EventContext context = context(message);
        known(event.claimId(), claims.producerResponded(event, context));
        cite(event.evidence(), event.claimId(), event.target().modelId());
        timeline.record(context, HistorySummaries.of(event), event.target().modelId(), event.target().releaseId(),
                event.claimId());
    }

    @EventHandler
    public void on(ArgumentPosted event, EventMessage<?> message) {
        EventContext context = context(message);
        debates.posted(event, context);
        citeOnClaim(event.evidence(), event.claimId());
        recordOnClaim(context, HistorySummaries.of(event), event.claimId());
    }

    @EventHandler
    public void on(ArgumentEdited event, EventMessage<?> message) {
        EventContext context = context(message);
        if (!debates.edited(event, context)) {
            log.warn("edit of unknown argument {} of claim {} (no ArgumentPosted projected); only its history entry"
                    + " is written", event.argumentId(), event.claimId());
        }
        citeOnClaim(event.evidence(), event.claimId());
        recordOnClaim(context, HistorySummaries.of(event), event.claimId());
    }

    @EventHandler
    public void on(ClaimDisputed event, EventMessage<?> message) {
        EventContext context = context(message);
        known(event.claimId(), claims.disputed(event, context)).ifPresent(models::refreshClaim);
        timeline.record(context, HistorySummaries.of(event), event.target().modelId(), event.target().releaseId(),
                event.claimId());
    }

    @EventHandler
    public void on(DisputeOpened event, EventMessage<?> message) {
        EventContext context = context(message);
        claims.disputeOpened(event.claimId(), event.disputeId());
        disputes.opened(event, context);
        cite(event.evidence(), event.claimId(), event.target().modelId());
        timeline.record(context, HistorySummaries.of(event), event.target().modelId(), event.target().releaseId(),
                event.claimId());
    }

    @EventHandler
    public void on(DisputeTaken event, EventMessage<?> message) {
        EventContext context = context(message);
        recordOnDispute(context, HistorySummaries.of(event), event.claimId(),
                knownDispute(event.disputeId(), disputes.taken(event, context)));
    }

    @EventHandler
    public void on(DisputeResolved event, EventMessage<?> message) {
        EventContext context = context(message);
        knownDispute(event.disputeId(), disputes.resolved(event, context));
        timeline.record(context, HistorySummaries.of(event), event.target().modelId(), event.target().releaseId(),
                event.claimId());
    }

    @EventHandler
    public void on(DisputeAppealed event, EventMessage<?> message) {
        EventContext context = context(message);
        recordOnDispute(context, HistorySummaries.of(event), event.claimId(),
                knownDispute(event.disputeId(), disputes.appealed(event, context)));
    }

    @EventHandler
    public void on(AppealWindowClosed event, EventMessage<?> message) {
        EventContext context = context(message);
        knownDispute(event.disputeId(), disputes.appealWindowClosed(event, context));
        timeline.record(context, HistorySummaries.of(event), event.target().modelId(), event.target().releaseId(),
                event.claimId());
    }

    @EventHandler
    public void on(ClaimDisputeSettled event, EventMessage<?> message) {
        EventContext context = context(message);
        known(event.claimId(), claims.disputeSettled(event, context)).ifPresent(models::refreshClaim);
        timeline.record(context, HistorySummaries.of(event), event.target().modelId(), event.target().releaseId(),
                event.claimId());
    }

    /** Annotations cited by evidence about a claim of {@code modelId}: found by the model filter. */
    private void cite(List<Evidence> evidence, String claimId, String modelId) {
        evidence.stream().map(Evidence::annotationId).filter(Objects::nonNull).distinct()
                .forEach(annotationId -> annotations.cited(annotationId, claimId, modelId));
    }

    private void citeOnClaim(List<Evidence> evidence, String claimId) {
        if (evidence.stream().anyMatch(e -> e.annotationId() != null)) {
            cite(evidence, claimId, claims.find(claimId).map(ClaimView::modelId).orElse(null));
        }
    }

    /** A history entry for an event that names only its claim: the model and release come from the claim page. */
    private void recordOnClaim(EventContext context, String summary, String claimId) {
        Optional<ClaimView> claim = claims.find(claimId);
        if (claim.isEmpty()) {
            log.warn("event for unknown claim {} (no ClaimProposed projected); its history entry names no model",
                    claimId);
        }
        timeline.record(context, summary, claim.map(ClaimView::modelId).orElse(null),
                claim.map(ClaimView::releaseId).orElse(null), claimId);
    }

    /** A history entry for a dispute event that names only its claim: the model and release come from the dispute. */
    private void recordOnDispute(EventContext context, String summary, String claimId, Optional<DisputeView> dispute) {
        timeline.record(context, summary, dispute.map(DisputeView::modelId).orElse(null),
                dispute.map(DisputeView::releaseId).orElse(null), claimId);
    }

    private static Optional<DisputeView> knownDispute(String disputeId, Optional<DisputeView> dispute) {
        if (dispute.isEmpty()) {
            log.warn("event for unknown dispute {} (no DisputeOpened projected); only its history entry is written",
                    disputeId);
        }
        return dispute;
    }

    private static Optional<ClaimView> known(String claimId, Optional<ClaimView> claim) {
        if (claim.isEmpty()) {
            log.warn("event for unknown claim {} (no ClaimProposed projected); only its history entry is written",
                    claimId);
        }
        return claim;
    }

    /** An imported change is dated when it happened in its source; anything else when it was stored. */
    private static Instant effectiveAt(String effective, Instant stored) {
        if (effective == null) {
            return stored;
        }
        try {
            return Instant.parse(effective);
        } catch (DateTimeParseException e) {
            log.warn("ignoring malformed {} metadata '{}'", LedgerMetaData.EFFECTIVE_AT, effective);
            return stored;
        }
    }

    private EventContext context(EventMessage<?> message) {
        EventContext context = contextOf(message);
        if (context.position() != null) {
            noteHandled(context.position());
        }
        return context;
    }

    /**
     * Tells the history how far the events are handled, once per batch (when the batch commits): its newest page
     * starts there. Outside a unit of work (none here in practice), at once.
     */
    private void noteHandled(long position) {
        if (!CurrentUnitOfWork.isStarted()) {
            timeline.handledUpTo(position);
            return;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        AtomicLong highest = batch.getOrComputeResource(HANDLED_UP_TO, key -> {
            AtomicLong value = new AtomicLong(-1);
            batch.onPrepareCommit(committing -> timeline.handledUpTo(value.get()));
            return value;
        });
        highest.accumulateAndGet(position, Math::max);
    }

    static EventContext contextOf(EventMessage<?> message) {
        Long position = null;
        if (message instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null) {
            OptionalLong tokenPosition = tracked.trackingToken().position();
            position = tokenPosition.isPresent() ? tokenPosition.getAsLong() : null;
        }
        MetaData metaData = message.getMetaData();
        String effective = text(metaData, LedgerMetaData.EFFECTIVE_AT);
        return new EventContext(message.getIdentifier(), position, effectiveAt(effective, message.getTimestamp()),
                message.getPayloadType().getSimpleName(), text(metaData, LedgerMetaData.ACTOR_ID),
                text(metaData, LedgerMetaData.ACTOR_ROLES), text(metaData, LedgerMetaData.REASON),
                text(metaData, LedgerMetaData.CORRELATION_ID), effective != null);
    }

    private static String text(MetaData metaData, String key) {
        Object value = metaData.get(key);
        return value == null ? null : value.toString();
    }

    /** A claim under dispute changes status only by a dispute decision (its history line says so). */
    private static String openDispute(Optional<ClaimView> claim) {
        return claim.map(ClaimView::openDisputeId).orElse(null);
    }
}
