package org.opennessledger.assessments.projection;

import java.time.Duration;
import org.opennessledger.assessments.readmodel.OneLine;
import org.opennessledger.contracts.annotations.AnnotationArgumentEdited;
import org.opennessledger.contracts.annotations.AnnotationArgumentPosted;
import org.opennessledger.contracts.annotations.AnnotationCreated;
import org.opennessledger.contracts.annotations.AnnotationReviewed;
import org.opennessledger.contracts.annotations.AnnotationTag;
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
import org.opennessledger.contracts.disputes.DisputeDecision;
import org.opennessledger.contracts.disputes.DisputeOpened;
import org.opennessledger.contracts.disputes.DisputeResolved;
import org.opennessledger.contracts.disputes.DisputeStage;
import org.opennessledger.contracts.disputes.DisputeTaken;
import org.opennessledger.contracts.documents.AnnotationOrphaned;
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
import org.opennessledger.contracts.moderation.ContentHidden;
import org.opennessledger.contracts.moderation.ContentUnhidden;
import org.opennessledger.contracts.policy.ConsensusPolicyPublished;
import org.opennessledger.contracts.values.ClaimStatus;
import org.opennessledger.contracts.values.ClaimTarget;
import org.opennessledger.contracts.values.Stance;
import org.opennessledger.contracts.values.Verdict;

/** One-line, human-readable descriptions of events for the history timelines. */
final class HistorySummaries {

    /** User text (dispute and appeal reasons) is quoted up to this many characters, on one line. */
    static final int QUOTED_REASON_LENGTH = 120;

    private HistorySummaries() {
    }

    static String of(ModelFamilyRegistered e) {
        return "model family \"" + e.name() + "\"" + (e.producer() == null ? "" : " by " + e.producer()) + " registered";
    }

    static String of(ModelTypeStated e) {
        return "model family " + e.modelId() + ": type stated as " + e.modelType().id()
                + (e.previous() == null ? "" : " (was " + e.previous().id() + ")");
    }

    static String of(ReleaseRegistered e) {
        return "release \"" + e.name() + "\"" + (e.version() == null ? "" : " (version " + e.version() + ")")
                + " registered in model family " + e.modelId();
    }

    static String of(ClaimProposed e) {
        return e.authorId() + " proposed claim " + e.claimId() + ": " + describe(e.target()) + " is "
                + (e.openness() == null ? "unspecified" : e.openness().id())
                + (e.licence() == null ? "" : " under licence " + e.licence());
    }

    static String of(ClaimReviewed e) {
        String verdict = e.verdict() == Verdict.AGREE ? "agreed with" : "disagreed with";
        String changed = e.previousVerdict() == null || e.previousVerdict() == e.verdict()
                ? "" : " (changed from " + e.previousVerdict().id() + ")";
        String because = e.justification() == null || e.justification().isBlank() ? "" : ": " + e.justification();
        return e.reviewerId() + " " + verdict + " claim " + e.claimId() + changed + because;
    }

    /** {@code disputeId}: the claim's open dispute, whose decision made this change; null for a review outcome. */
    static String of(ClaimAccepted e, String disputeId) {
        return "claim " + e.claimId() + " accepted " + cause(e.policyVersion(), e.agreeCount(), e.disagreeCount(),
                disputeId);
    }

    static String of(ClaimRejected e, String disputeId) {
        return "claim " + e.claimId() + " rejected " + cause(e.policyVersion(), e.agreeCount(), e.disagreeCount(),
                disputeId) + (e.wasAccepted() ? "; it is no longer accepted" : "");
    }

    private static String cause(String policyVersion, int agree, int disagree, String disputeId) {
        return disputeId == null ? "under policy " + policyVersion + counts(agree, disagree)
                : "by the decision on dispute " + disputeId;
    }

    static String of(ClaimReopened e) {
        return "claim " + e.claimId() + " reopened under policy " + e.policyVersion()
                + counts(e.agreeCount(), e.disagreeCount())
                + (e.previousStatus() == null ? "" : "; it was " + e.previousStatus().name());
    }

    static String of(ClaimLocked e) {
        return "claim " + e.claimId() + " locked as " + e.status().name();
    }

    static String of(ClaimSuperseded e) {
        return "claim " + e.claimId() + " superseded by claim " + e.supersededBy()
                + (e.reason() == null || e.reason().isBlank() ? "" : ": " + e.reason());
    }

    static String of(AcceptedClaimRecorded e) {
        return "claim " + e.claimId() + " recorded as the accepted claim for " + describe(e.target())
                + (e.previousClaimId() == null ? "" : ", replacing claim " + e.previousClaimId());
    }

    static String of(AcceptedClaimWithdrawn e) {
        return "claim " + e.claimId() + " withdrawn as the accepted claim for " + describe(e.target())
                + (e.reinstatedClaimId() == null ? "" : "; claim " + e.reinstatedClaimId()
                + ", which it had replaced, is accepted again");
    }

    static String of(ClaimReinstated e) {
        return "claim " + e.claimId() + " reinstated as the accepted claim for " + describe(e.target())
                + " (policy " + e.policyVersion() + ") because claim " + e.replacedClaimId()
                + ", which had replaced it, lost its acceptance";
    }

    static String of(ContentHidden e) {
        return item(e.claimId(), e.argumentId()) + " hidden by a moderator, reason: " + e.reason();
    }

    static String of(ContentUnhidden e) {
        return item(e.claimId(), e.argumentId()) + " shown again by a moderator, reason: " + e.reason();
    }

    private static String item(String claimId, String argumentId) {
        return argumentId == null ? "claim " + claimId : "argument " + argumentId + " on claim " + claimId;
    }

    static String of(ProducerResponsePosted e) {
        return "response from the producer (" + e.producerOrg() + ") on claim " + e.claimId() + ", posted by "
                + e.authorId();
    }

    static String of(ClaimImported e) {
        return "claim " + e.claimId() + " imported for " + describe(e.target()) + " under " + e.importPolicy()
                + (e.source() == null ? "" : " from " + e.source());
    }

    static String of(ModelProtected e) {
        return "model " + e.modelId() + " protected by moderator " + e.moderatorId() + ": new claims need "
                + e.minimumAcceptedClaims() + " accepted claims of their proposer (reason: " + e.reason() + ")";
    }

    static String of(ModelProtectionLifted e) {
        return "protection of model " + e.modelId() + " lifted by moderator " + e.moderatorId() + " (reason: "
                + e.reason() + ")";
    }

    static String of(ConsensusPolicyPublished e) {
        return "consensus policy " + e.policyVersion() + " published: at least " + e.minimumReviews()
                + " reviews, accept at " + percent(e.acceptRatio()) + " agree, reject at "
                + percent(e.rejectRatio()) + " disagree, lock after " + describe(e.lockAfter());
    }

    static String of(ArgumentPosted e) {
        return posted(e.authorId(), e.stance(), "claim " + e.claimId(), e.parentArgumentId());
    }

    static String of(ArgumentEdited e) {
        return edited(e.editorId(), e.argumentId(), "claim " + e.claimId(), e.revision(), e.afterReply());
    }

    /** An argument posted in the thread of {@code thread} ("claim c1", "annotation a1"). */
    private static String posted(String authorId, Stance stance, String thread, String parentArgumentId) {
        return authorId + " posted " + describe(stance) + " on " + thread
                + (parentArgumentId == null ? "" : " in reply to argument " + parentArgumentId);
    }

    private static String edited(String editorId, String argumentId, String thread, int revision, boolean afterReply) {
        return editorId + " edited argument " + argumentId + " on " + thread + " (revision " + revision
                + (afterReply ? ", after a reply" : "") + ")";
    }

    static String of(ClaimDisputed e) {
        return e.disputerId() + " disputed claim " + e.claimId() + " (" + name(e.disputedStatus()) + ") in dispute "
                + e.disputeId();
    }

    static String of(DisputeOpened e) {
        return "dispute " + e.disputeId() + " of claim " + e.claimId() + " (" + name(e.disputedStatus())
                + ") opened by " + e.disputerId() + ": " + OneLine.of(e.reason(), QUOTED_REASON_LENGTH);
    }

    static String of(DisputeTaken e) {
        String took = e.previousOwnerId() == null
                ? " took dispute " + e.disputeId()
                : " took over dispute " + e.disputeId() + " from " + e.previousOwnerId();
        return e.moderatorId() + took + (e.stage() == DisputeStage.APPEAL ? " (appeal)" : "");
    }

    static String of(DisputeResolved e) {
        String ruling = e.decision() == DisputeDecision.OVERTURN ? " overturned" : " upheld";
        String stage = e.stage() == DisputeStage.APPEAL || e.finalDecision()
                ? " (" + stage(e.stage()) + ", final)"
                : " (" + stage(e.stage()) + ")" + (e.appealableUntil() == null ? "" : "; appealable until "
                + e.appealableUntil());
        return e.moderatorId() + ruling + " claim " + e.claimId() + " in dispute " + e.disputeId() + stage;
    }

    static String of(DisputeAppealed e) {
        return e.appellantId() + " appealed dispute " + e.disputeId() + " of claim " + e.claimId() + ": "
                + OneLine.of(e.reason(), QUOTED_REASON_LENGTH);
    }

    static String of(AppealWindowClosed e) {
        return "appeal window of dispute " + e.disputeId() + " closed; decision final"
                + (e.decision() == null ? "" : " (" + e.decision().id() + ")");
    }

    static String of(ClaimDisputeSettled e) {
        return "claim " + e.claimId() + " dispute " + e.disputeId() + " settled: "
                + (e.decision() == null ? "decision" : e.decision().id())
                + (e.stage() == DisputeStage.APPEAL ? " on appeal" : " at the first stage") + ", claim is "
                + name(e.statusAfter()) + (e.finalDecision() ? " (final)" : " (open to appeal)");
    }

    private static String describe(Stance stance) {
        if (stance == null) {
            return "an argument";
        }
        return switch (stance) {
            case PRO -> "a pro argument";
            case CON -> "a con argument";
            case QUESTION -> "a question";
        };
    }

    private static String stage(DisputeStage stage) {
        return stage == DisputeStage.APPEAL ? "appeal" : "first stage";
    }

    private static String name(ClaimStatus status) {
        return status == null ? "unknown status" : status.name();
    }

    private static String describe(ClaimTarget target) {
        String component = target.component().id();
        return target.familyWide()
                ? component + " of every release of " + target.modelId()
                : component + " of release " + target.releaseId();
    }

    private static String counts(int agree, int disagree) {
        return " (" + agree + " agree, " + disagree + " disagree)";
    }

    private static String percent(double ratio) {
        return Math.round(ratio * 100) + "%";
    }

    private static String describe(Duration duration) {
        if (duration == null) {
            return "an unspecified time";
        }
        if (!duration.isZero() && duration.toDays() > 0 && duration.equals(Duration.ofDays(duration.toDays()))) {
            return duration.toDays() == 1 ? "1 day" : duration.toDays() + " days";
        }
        return duration.toString();
    }

    static String of(DocumentVersionAdded e) {
        return e.addedBy() + " added version " + e.version() + " of document \""
                + OneLine.of(e.title(), QUOTED_REASON_LENGTH) + "\" (" + e.sourceUrl()
                + ", " + e.contentHash() + ")";
    }

    static String of(AnnotationCreated e) {
        return e.creatorId() + " annotated version " + e.version() + " of document " + e.documentId() + " ("
                + String.join(", ", e.tags().stream().map(AnnotationTag::id).toList()) + "): \""
                + OneLine.of(e.anchor().quote().exact(), QUOTED_REASON_LENGTH) + "\"";
    }

    static String of(AnnotationReanchored e) {
        return "annotation " + e.annotationId() + " carried from version " + e.fromVersion() + " to version "
                + e.toVersion() + " of document " + e.documentId();
    }

    static String of(AnnotationOrphaned e) {
        return "annotation " + e.annotationId() + " orphaned: version " + e.toVersion() + " of document "
                + e.documentId() + " no longer holds its passage";
    }

    static String of(AnnotationArgumentPosted e) {
        return posted(e.authorId(), e.stance(), "annotation " + e.annotationId(), e.parentArgumentId());
    }

    static String of(AnnotationArgumentEdited e) {
        return edited(e.editorId(), e.argumentId(), "annotation " + e.annotationId(), e.revision(), e.afterReply());
    }

    static String of(LicenceTermCited e) {
        return e.adminId() + " cited annotation " + e.annotationId() + " for the " + e.term().id() + " term of licence "
                + e.licenceId();
    }

    static String of(LicenceTermCitationWithdrawn e) {
        return e.adminId() + " withdrew annotation " + e.annotationId() + " from the " + e.term().id()
                + " term of licence " + e.licenceId();
    }

    static String of(AnnotationReviewed e) {
        String verdict = e.verdict() == Verdict.AGREE ? "agreed with" : "disagreed with";
        String changed = e.previousVerdict() == null || e.previousVerdict() == e.verdict()
                ? "" : " (changed from " + e.previousVerdict().id() + ")";
        String because = e.justification() == null || e.justification().isBlank() ? "" : ": " + e.justification();
        return e.reviewerId() + " " + verdict + " annotation " + e.annotationId() + changed + because;
    }
}
