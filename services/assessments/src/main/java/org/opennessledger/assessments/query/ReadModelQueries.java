package org.opennessledger.assessments.query;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.opennessledger.assessments.documents.LineDiff;
import org.opennessledger.assessments.frameworks.Frameworks;
import org.opennessledger.assessments.readmodel.DocumentLibrary;
import org.opennessledger.assessments.readmodel.ReadModels;
import org.opennessledger.contracts.disputes.DisputeState;
import org.opennessledger.contracts.queries.Queries.DiffAssessmentVersions;
import org.opennessledger.contracts.queries.Queries.DiffMatrix;
import org.opennessledger.contracts.queries.Queries.GetAnnotation;
import org.opennessledger.contracts.queries.Queries.GetAssessmentVersion;
import org.opennessledger.contracts.queries.Queries.GetClaim;
import org.opennessledger.contracts.queries.Queries.GetClaimAsOf;
import org.opennessledger.contracts.queries.Queries.GetClaimHistory;
import org.opennessledger.contracts.queries.Queries.GetDispute;
import org.opennessledger.contracts.queries.Queries.GetDocument;
import org.opennessledger.contracts.queries.Queries.GetDocumentVersion;
import org.opennessledger.contracts.queries.Queries.GetDocumentVersionDiff;
import org.opennessledger.contracts.queries.Queries.GetMatrix;
import org.opennessledger.contracts.queries.Queries.GetMatrixAsOf;
import org.opennessledger.contracts.queries.Queries.GetModel;
import org.opennessledger.contracts.queries.Queries.GetModelAsOf;
import org.opennessledger.contracts.queries.Queries.GetModelHistory;
import org.opennessledger.contracts.queries.Queries.GetModerationQueue;
import org.opennessledger.contracts.queries.Queries.GetTimeline;
import org.opennessledger.contracts.queries.Queries.ListAnnotationArguments;
import org.opennessledger.contracts.queries.Queries.ListAnnotations;
import org.opennessledger.contracts.queries.Queries.ListArguments;
import org.opennessledger.contracts.queries.Queries.ListAssessmentVersions;
import org.opennessledger.contracts.queries.Queries.ListClaimDisputes;
import org.opennessledger.contracts.queries.Queries.ListClaimFlags;
import org.opennessledger.contracts.queries.Queries.ListDocuments;
import org.opennessledger.contracts.queries.Queries.ListFrameworks;
import org.opennessledger.contracts.queries.Queries.ListLicenceCitations;
import org.opennessledger.contracts.queries.Queries.ListModels;
import org.opennessledger.contracts.views.AnnotationView;
import org.opennessledger.contracts.views.ArgumentView;
import org.opennessledger.contracts.views.AssessmentChangesView;
import org.opennessledger.contracts.views.AssessmentVersionView;
import org.opennessledger.contracts.views.ClaimView;
import org.opennessledger.contracts.views.DisputeView;
import org.opennessledger.contracts.views.DocumentVersionDiffView;
import org.opennessledger.contracts.views.DocumentVersionView;
import org.opennessledger.contracts.views.DocumentView;
import org.opennessledger.contracts.views.FlaggedItemView;
import org.opennessledger.contracts.views.FrameworkView;
import org.opennessledger.contracts.views.HistoryEntryView;
import org.opennessledger.contracts.views.LicenceCitationView;
import org.opennessledger.contracts.views.MatrixChangesView;
import org.opennessledger.contracts.views.MatrixView;
import org.opennessledger.contracts.views.ModelSummaryView;
import org.opennessledger.contracts.views.ModelView;
import org.opennessledger.contracts.views.ModerationQueueItemView;
import org.opennessledger.contracts.views.TimelinePageView;

/**
 * Answers every query in {@code contracts.queries.Queries} from the read models. Unknown ids
 * give {@code Optional.empty()} or an empty list, never an error.
 */
public class ReadModelQueries {

    private final ReadModels readModels;
    private final InstantSource clock;

    /** {@code clock} tells the time at query time (ages in the moderation queue). */
    public ReadModelQueries(ReadModels readModels, InstantSource clock) {
        this.readModels = Objects.requireNonNull(readModels, "readModels");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @QueryHandler
    public List<ModelSummaryView> handle(ListModels query) {
        return readModels.modelPages().list();
    }

    @QueryHandler
    public Optional<ModelView> handle(GetModel query) {
        return readModels.modelPages().find(query.modelId(), query.includeHidden());
    }

    @QueryHandler
    public MatrixView handle(GetMatrix query) {
        return readModels.modelPages().matrix();
    }

    @QueryHandler
    public Optional<ClaimView> handle(GetClaim query) {
        // A hidden claim does not exist for the public.
        return readModels.claimPages().find(query.claimId())
                .filter(claim -> query.includeHidden() || claim.hidden() == null);
    }

    @QueryHandler
    public MatrixView handle(GetMatrixAsOf query) {
        return readModels.modelPages().matrixAsOf(query.asOf());
    }

    @QueryHandler
    public Optional<ModelView> handle(GetModelAsOf query) {
        return readModels.modelPages().asOf(query.modelId(), query.asOf(), query.includeHidden(),
                readModels.claimPages());
    }

    @QueryHandler
    public Optional<ClaimView> handle(GetClaimAsOf query) {
        return readModels.claimPages().asOf(query.claimId(), query.asOf())
                .filter(claim -> query.includeHidden() || claim.hidden() == null);
    }

    @QueryHandler
    public Optional<AssessmentChangesView> handle(DiffAssessmentVersions query) {
        return readModels.assessmentVersions().changes(query.modelId(), query.releaseId(), query.from(), query.to());
    }

    @QueryHandler
    public MatrixChangesView handle(DiffMatrix query) {
        return readModels.modelPages().matrixChanges(query.from(), query.to());
    }

    @QueryHandler
    public List<AssessmentVersionView> handle(ListAssessmentVersions query) {
        return readModels.assessmentVersions().list(query.modelId(), query.releaseId());
    }

    @QueryHandler
    public Optional<AssessmentVersionView> handle(GetAssessmentVersion query) {
        return readModels.assessmentVersions().find(query.modelId(), query.releaseId(), query.version());
    }

    @QueryHandler
    public List<HistoryEntryView> handle(GetModelHistory query) {
        return readModels.timeline().ofModel(query.modelId());
    }

    @QueryHandler
    public List<HistoryEntryView> handle(GetClaimHistory query) {
        return readModels.timeline().ofClaim(query.claimId());
    }

    @QueryHandler
    public TimelinePageView handle(GetTimeline query) {
        return readModels.timeline().page(query.scope(), query.id(), query.kinds(), query.from(), query.to(),
                query.cursor(), query.newestFirst(), query.limit());
    }

    @QueryHandler
    public List<LicenceCitationView> handle(ListLicenceCitations query) {
        return readModels.licenceCitations().of(query.licenceId());
    }

    @QueryHandler
    public List<ArgumentView> handle(ListAnnotationArguments query) {
        return readModels.debates().listOfAnnotation(query.annotationId());
    }

    @QueryHandler
    public List<ArgumentView> handle(ListArguments query) {
        return readModels.debates().list(query.claimId(), query.includeHidden());
    }

    @QueryHandler
    public Optional<DisputeView> handle(GetDispute query) {
        return readModels.disputes().find(query.disputeId());
    }

    @QueryHandler
    public List<DisputeView> handle(ListClaimDisputes query) {
        return readModels.disputes().findAll(readModels.claimPages().disputeIds(query.claimId()));
    }

    /** @throws IllegalArgumentException when the state is not OPEN, TAKEN or APPEALED (any case) */
    @QueryHandler
    public List<FrameworkView> handle(ListFrameworks query) {
        return Frameworks.all();
    }

    @QueryHandler
    public List<FlaggedItemView> handle(ListClaimFlags query) {
        return readModels.flags().ofClaim(query.claimId());
    }

    @QueryHandler
    public List<ModerationQueueItemView> handle(GetModerationQueue query) {
        Instant now = clock.instant();
        List<ModerationQueueItemView> items = new ArrayList<>(readModels.disputes().queue(query.state(), now));
        // Open flags wait in the OPEN state, beside open disputes.
        if (query.state() == null || DisputeState.OPEN.name().equalsIgnoreCase(query.state())) {
            items.addAll(readModels.flags().queue(now));
        }
        // Longest waiting first, whatever the kind.
        items.sort(Comparator.comparingLong(ModerationQueueItemView::ageSeconds).reversed()
                .thenComparing(ModerationQueueItemView::kind).thenComparing(ModerationQueueItemView::id));
        return items;
    }

    @QueryHandler
    public List<DocumentView> handle(ListDocuments query) {
        return readModels.documentLibrary().list();
    }

    @QueryHandler
    public Optional<DocumentView> handle(GetDocument query) {
        return readModels.documentLibrary().find(query.documentId());
    }

    @QueryHandler
    public Optional<DocumentVersionView> handle(GetDocumentVersion query) {
        return readModels.documentLibrary().version(query.documentId(), query.version());
    }

    /** Computed from the two stored texts on each request (bounded: see {@link LineDiff}). */
    @QueryHandler
    public Optional<DocumentVersionDiffView> handle(GetDocumentVersionDiff query) {
        DocumentLibrary library = readModels.documentLibrary();
        return library.version(query.documentId(), query.from()).flatMap(from -> library
                .version(query.documentId(), query.to()).map(to -> LineDiff.STANDARD.between(from, to)));
    }

    @QueryHandler
    public Optional<AnnotationView> handle(GetAnnotation query) {
        return readModels.annotations().find(query.annotationId());
    }

    @QueryHandler
    public List<AnnotationView> handle(ListAnnotations query) {
        return readModels.annotations().list(query.documentId(), query.tag(), query.creatorId(),
                query.modelId());
    }
}
