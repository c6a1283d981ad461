package org.opennessledger.contracts.queries;

/**
 * Read-side questions. Each is answered by a projection in the assessments service; the response
 * type is named beside each record. {@code includeHidden} asks for content moderators hid, with
 * its marker; only moderators' requests set it (hidden content is otherwise left out).
 */
public final class Queries {
    private Queries() {
    }

    /** → {@code List<ModelSummaryView>}, ordered by name. */
    public record ListModels() {
    }

    /** → {@code Optional<ModelView>}. */
    public record GetModel(String modelId, boolean includeHidden) {
        /** As the public sees it: without hidden content. */
        public GetModel(String modelId) {
            this(modelId, false);
        }
    }

    /** → {@code MatrixView}: every release × every component, current accepted status. */
    public record GetMatrix() {
    }

    /** → {@code Optional<ClaimView>}. */
    public record GetClaim(String claimId, boolean includeHidden) {
        /** As the public sees it: without hidden content. */
        public GetClaim(String claimId) {
            this(claimId, false);
        }
    }

    /** → {@code List<AssessmentVersionView>}, version 1 first; empty when the release is unknown or unassessed. */
    public record ListAssessmentVersions(String modelId, String releaseId) {
    }

    /** → {@code Optional<AssessmentVersionView>}. */
    public record GetAssessmentVersion(String modelId, String releaseId, int version) {
    }

    /** → {@code List<HistoryEntryView>}, oldest first: the family, its releases and every claim on it. */
    public record GetModelHistory(String modelId) {
    }

    /** → {@code List<HistoryEntryView>}, oldest first. */
    public record GetClaimHistory(String claimId) {
    }

    /** → {@code List<ArgumentView>}: the claim's debate, oldest first (replies name their parent). */
    public record ListArguments(String claimId, boolean includeHidden) {
        /** As the public sees it: without hidden content. */
        public ListArguments(String claimId) {
            this(claimId, false);
        }
    }

    /** → {@code Optional<DisputeView>}. */
    public record GetDispute(String disputeId) {
    }

    /** → {@code List<DisputeView>}, oldest first. */
    public record ListClaimDisputes(String claimId) {
    }

    /**
     * → {@code List<ModerationQueueItemView>}: disputes needing a moderator (OPEN, TAKEN, APPEALED),
     * oldest first; {@code state} null means all three.
     */
    public record GetModerationQueue(String state) {
    }

    /** → {@code List<FlaggedItemView>}: the claim's flagged items (the claim first, then arguments), for moderators. */
    public record ListClaimFlags(String claimId) {
    }

    /** → {@code List<FrameworkView>}: the frameworks assessments are scored under, with their mappings. */
    public record ListFrameworks() {
    }

    /** → {@code Optional<LicenceView>}: an SPDX licence id or a catalogue id, matched ignoring case. */
    public record GetLicence(String licenceId) {
    }

    /** → {@code AuditHeadView}: the newest link of the event log's hash chain (answered by the platform). */
    public record GetAuditHead() {
    }

    /**
     * → {@code AuditVerificationView}: the chain recomputed from the stored events. {@code expectedLink}
     * (optional) is a head published earlier: it must still be one of the chain's links.
     */
    public record VerifyAuditLog(String expectedLink) {
    }

    /** → {@code MatrixView}: the matrix as it stood at {@code asOf} (no rows before the first registration). */
    public record GetMatrixAsOf(java.time.Instant asOf) {
    }

    /** → {@code Optional<ModelView>}: the family as it stood at {@code asOf}; empty if not registered yet. */
    public record GetModelAsOf(String modelId, java.time.Instant asOf, boolean includeHidden) {
    }

    /** → {@code Optional<ClaimView>}: the claim as it stood at {@code asOf}; empty if not proposed yet. */
    public record GetClaimAsOf(String claimId, java.time.Instant asOf, boolean includeHidden) {
    }

    /**
     * → {@code Optional<AssessmentChangesView>}: from version {@code from} to {@code to} of a release
     * (0: before the first); empty when a version does not exist. {@code from} must not be after {@code to}.
     */
    public record DiffAssessmentVersions(String modelId, String releaseId, int from, int to) {
    }

    /** → {@code MatrixChangesView}: the releases whose assessment changed between two instants. */
    public record DiffMatrix(java.time.Instant from, java.time.Instant to) {
    }

    /**
     * → {@code TimelinePageView}: one page of a timeline. {@code scope} is "model", "claim" or "actor"
     * (with {@code id}), or "all"; {@code kinds} (event types, empty for all), {@code from} and
     * {@code to} (inclusive, null for open) filter; oldest first after the {@code after} position, or
     * newest first before the {@code before} position when {@code newestFirst}.
     */
    public record GetTimeline(String scope, String id, java.util.List<String> kinds, java.time.Instant from,
                              java.time.Instant to, Long cursor, boolean newestFirst, int limit) {
    }

    /** → {@code Optional<ProfileView>}: the display name kept for a subject id (empty if none was ever kept). */
    public record GetProfile(String subject) {
    }

    /** → {@code List<DocumentView>}, by title. */
    public record ListDocuments() {
    }

    /** → {@code Optional<DocumentView>}. */
    public record GetDocument(String documentId) {
    }

    /** → {@code Optional<DocumentVersionView>}. */
    public record GetDocumentVersion(String documentId, int version) {
    }

    /** → {@code List<ArgumentView>}: the debate on an annotation, oldest first. */
    public record ListAnnotationArguments(String annotationId) {
    }

    /**
     * → {@code Optional<DocumentVersionDiffView>}: line by line from version {@code from} to version {@code to}
     * ({@code from} may be the later one); empty when the document or either version does not exist.
     */
    public record GetDocumentVersionDiff(String documentId, int from, int to) {
    }

    /** → {@code List<LicenceCitationView>}: the annotated passages cited for a catalogue licence's terms. */
    public record ListLicenceCitations(String licenceId) {
    }

    /** → {@code Optional<AnnotationView>}. */
    public record GetAnnotation(String annotationId) {
    }

    /**
     * → {@code List<AnnotationView>}, oldest first; each filter is optional (null: any). {@code modelId}
     * keeps annotations cited as evidence about that model family.
     */
    public record ListAnnotations(String documentId, String tag, String creatorId, String modelId) {
        public ListAnnotations(String documentId, String tag, String creatorId) {
            this(documentId, tag, creatorId, null);
        }
    }
}
