package org.opennessledger.assessments;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.opennessledger.contracts.annotations.AnnotationCreated;
import org.opennessledger.contracts.annotations.AnnotationTag;
import org.opennessledger.contracts.annotations.Motivation;
import org.opennessledger.contracts.annotations.TextAnchor;
import org.opennessledger.contracts.annotations.TextPositionSelector;
import org.opennessledger.contracts.annotations.TextQuoteSelector;
import org.opennessledger.contracts.claims.ClaimAccepted;
import org.opennessledger.contracts.claims.ClaimLocked;
import org.opennessledger.contracts.claims.ClaimProposed;
import org.opennessledger.contracts.claims.ClaimRejected;
import org.opennessledger.contracts.claims.ClaimReopened;
import org.opennessledger.contracts.claims.ClaimReviewed;
import org.opennessledger.contracts.claims.ClaimSuperseded;
import org.opennessledger.contracts.debate.ArgumentEdited;
import org.opennessledger.contracts.debate.ArgumentPosted;
import org.opennessledger.contracts.documents.DocumentVersionAdded;
import org.opennessledger.contracts.disputes.AppealWindowClosed;
import org.opennessledger.contracts.disputes.ClaimDisputeSettled;
import org.opennessledger.contracts.disputes.ClaimDisputed;
import org.opennessledger.contracts.disputes.DisputeAppealed;
import org.opennessledger.contracts.disputes.DisputeDecision;
import org.opennessledger.contracts.disputes.DisputeOpened;
import org.opennessledger.contracts.disputes.DisputeResolved;
import org.opennessledger.contracts.disputes.DisputeStage;
import org.opennessledger.contracts.disputes.DisputeTaken;
import org.opennessledger.contracts.models.AcceptedClaimRecorded;
import org.opennessledger.contracts.models.ModelFamilyRegistered;
import org.opennessledger.contracts.values.ModelType;
import org.opennessledger.contracts.models.ReleaseRegistered;
import org.opennessledger.contracts.policy.ConsensusPolicyPublished;
import org.opennessledger.contracts.values.ClaimStatus;
import org.opennessledger.contracts.values.ClaimTarget;
import org.opennessledger.contracts.values.ComponentId;
import org.opennessledger.contracts.values.Evidence;
import org.opennessledger.contracts.values.Openness;
import org.opennessledger.contracts.values.Stance;
import org.opennessledger.contracts.values.Verdict;

/** Event payloads as the write side emits them, with test defaults for the parts a test does not care about. */
final class Events {

    static final String LLAMA = "llama-3";
    static final String SMALL = "llama-3.1-8b";
    static final String LARGE = "llama-3.1-70b";
    static final String POLICY = "v1";

    private Events() {
    }

    static ModelFamilyRegistered family(String modelId, String name) {
        return new ModelFamilyRegistered(modelId, name, "Meta", name + " models", "alice", ModelType.TEXT);
    }

    static ReleaseRegistered release(String releaseId) {
        return new ReleaseRegistered(LLAMA, releaseId, releaseId.toUpperCase(), "3.1", LocalDate.of(2024, 7, 23),
                null, List.of("https://huggingface.co/meta-llama/" + releaseId), "alice");
    }

    static ClaimTarget ofRelease(String releaseId, ComponentId component) {
        return ClaimTarget.release(LLAMA, releaseId, component);
    }

    static ClaimTarget ofFamily(ComponentId component) {
        return ClaimTarget.family(LLAMA, component);
    }

    static ClaimProposed proposed(String claimId, ClaimTarget target, Openness openness, String licence) {
        return new ClaimProposed(claimId, target, openness, licence,
                List.of(new Evidence("https://example.org/" + claimId, "the passage that matters",
                        LocalDate.of(2025, 2, 1), "sha256:abc")),
                "because the evidence says so", "alice", POLICY);
    }

    static ClaimReviewed reviewed(String claimId, String reviewer, Verdict verdict, String reason, Verdict previous,
                                  int agree, int disagree) {
        return new ClaimReviewed(claimId, reviewer, verdict, reason, previous, agree, disagree);
    }

    static ClaimAccepted accepted(String claimId, ClaimTarget target) {
        return new ClaimAccepted(claimId, target, POLICY, 3, 0);
    }

    static ClaimRejected rejected(String claimId, ClaimTarget target, boolean wasAccepted) {
        return new ClaimRejected(claimId, target, POLICY, 0, 3, wasAccepted);
    }

    static ClaimReopened reopened(String claimId, ClaimTarget target, ClaimStatus previous) {
        return new ClaimReopened(claimId, target, POLICY, previous, 2, 2);
    }

    static ClaimLocked locked(String claimId, ClaimTarget target) {
        return new ClaimLocked(claimId, target, ClaimStatus.ACCEPTED, POLICY);
    }

    static AcceptedClaimRecorded recorded(ClaimTarget target, String claimId, String previousClaimId) {
        return new AcceptedClaimRecorded(target.modelId(), target, claimId, previousClaimId, 1L);
    }

    static ClaimSuperseded superseded(String claimId, ClaimTarget target, String by) {
        return new ClaimSuperseded(claimId, target, by, "a newer claim for the same target was accepted");
    }

    static ConsensusPolicyPublished policy() {
        return new ConsensusPolicyPublished(POLICY, 3, 2.0 / 3, 2.0 / 3, Duration.ofDays(14));
    }

    static Evidence evidence(String name) {
        return new Evidence("https://example.org/" + name, "a quoted passage", LocalDate.of(2025, 2, 10), null);
    }

    static ArgumentPosted argument(String claimId, String argumentId, String parentId, Stance stance, String text,
                                   String author) {
        return new ArgumentPosted(claimId, argumentId, parentId, stance, text, List.of(evidence(argumentId)), author);
    }

    static ArgumentEdited edited(String claimId, String argumentId, int revision, String text, boolean afterReply,
                                 String editor) {
        return new ArgumentEdited(claimId, argumentId, revision, text, List.of(), afterReply, editor);
    }

    static ClaimDisputed claimDisputed(String claimId, ClaimTarget target, String disputeId, String disputer,
                                       ClaimStatus status) {
        return new ClaimDisputed(claimId, target, disputeId, disputer, status);
    }

    static DisputeOpened disputeOpened(String disputeId, String claimId, ClaimTarget target, ClaimStatus status,
                                       String disputer, String reason) {
        return new DisputeOpened(disputeId, claimId, target, status, disputer, reason,
                List.of(evidence(disputeId)), "alice", Set.of("bob", "carol", "dave"));
    }

    static DisputeTaken taken(String disputeId, String claimId, String moderator, String previousOwner,
                              DisputeStage stage) {
        return new DisputeTaken(disputeId, claimId, moderator, previousOwner, stage);
    }

    static DisputeResolved firstDecision(String disputeId, String claimId, ClaimTarget target,
                                         DisputeDecision decision, String moderator, Instant appealableUntil) {
        return new DisputeResolved(disputeId, claimId, target, DisputeStage.FIRST, decision,
                "rationale of " + moderator, moderator, false, appealableUntil);
    }

    static DisputeResolved appealDecision(String disputeId, String claimId, ClaimTarget target,
                                          DisputeDecision decision, String moderator) {
        return new DisputeResolved(disputeId, claimId, target, DisputeStage.APPEAL, decision,
                "rationale of " + moderator, moderator, true, null);
    }

    static DisputeAppealed appealed(String disputeId, String claimId, String appellant, String reason,
                                    String firstModerator) {
        return new DisputeAppealed(disputeId, claimId, appellant, reason, firstModerator);
    }

    static AppealWindowClosed windowClosed(String disputeId, String claimId, ClaimTarget target,
                                           DisputeDecision decision) {
        return new AppealWindowClosed(disputeId, claimId, target, decision);
    }

    static ClaimDisputeSettled settled(String claimId, ClaimTarget target, String disputeId, DisputeStage stage,
                                       DisputeDecision decision, ClaimStatus after, boolean finalDecision,
                                       long sequence) {
        return new ClaimDisputeSettled(claimId, target, disputeId, stage, decision, after, finalDecision, sequence);
    }

    /** A made-up licence for document tests, in three versions: v2 adds a preamble, v3 drops the user cap. */
    static final String LICENCE_URL = "https://example.org/sample-licence";
    static final String LICENCE_DOC = "doc-sample";
    /** Version 1 starts with a character outside the Basic Multilingual Plane (one code point, two UTF-16 units). */
    static final String LICENCE_V1 = "\uD83D\uDCDC Sample Licence\n1. You may use the Model.\n"
            + "2. Not above 500 million monthly users.\n";
    static final String LICENCE_V2 = "Sample Licence\n0. Definitions.\n1. You may use the Model.\n"
            + "2. Not above 500 million monthly users.\n";
    static final String LICENCE_V3 = "Sample Licence\n1. You may use the Model for research.\n";

    static DocumentVersionAdded documentVersion(int version, String text, String addedBy) {
        return new DocumentVersionAdded(LICENCE_DOC, version, LICENCE_URL, "Sample licence", "text/plain",
                "sha256:" + Integer.toHexString(text.hashCode()), text, Instant.parse("2025-04-01T10:00:00Z"), addedBy);
    }

    /** Where {@code exact} lies in {@code text} (once, in these fixtures). */
    static TextAnchor anchorOf(String text, String exact) {
        int start = text.indexOf(exact);
        return new TextAnchor(new TextQuoteSelector(exact, text.substring(Math.max(0, start - 10), start),
                text.substring(start + exact.length(), Math.min(text.length(), start + exact.length() + 10))),
                new TextPositionSelector(start, start + exact.length()));
    }

    static AnnotationCreated annotation(String annotationId, String exact, String creatorId, AnnotationTag... tags) {
        return new AnnotationCreated(annotationId, LICENCE_DOC, 1, anchorOf(LICENCE_V1, exact), List.of(tags),
                AnnotationTag.TAXONOMY_VERSION, "reads as a cap", Motivation.ASSESSING, creatorId);
    }
}
