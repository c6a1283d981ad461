package org.opennessledger.assessments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.messaging.responsetypes.ResponseTypes.instanceOf;
import static org.axonframework.messaging.responsetypes.ResponseTypes.multipleInstancesOf;
import static org.axonframework.messaging.responsetypes.ResponseTypes.optionalInstanceOf;
import static org.opennessledger.assessments.Events.LICENCE_DOC;
import static org.opennessledger.assessments.Events.LICENCE_V1;
import static org.opennessledger.assessments.Events.LICENCE_V2;
import static org.opennessledger.assessments.Events.LICENCE_V3;
import static org.opennessledger.assessments.Events.anchorOf;
import static org.opennessledger.assessments.Events.annotation;
import static org.opennessledger.assessments.Events.documentVersion;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opennessledger.contracts.annotations.AnnotationArgumentEdited;
import org.opennessledger.contracts.annotations.AnnotationArgumentPosted;
import org.opennessledger.contracts.annotations.AnnotationReviewed;
import org.opennessledger.contracts.claims.ClaimProposed;
import org.opennessledger.contracts.debate.ArgumentPosted;
import org.opennessledger.contracts.annotations.AnnotationTag;
import org.opennessledger.contracts.documents.AnnotationOrphaned;
import org.opennessledger.contracts.documents.AnnotationPlaced;
import org.opennessledger.contracts.documents.AnnotationReanchored;
import org.opennessledger.contracts.licences.LicenceTerm;
import org.opennessledger.contracts.licences.LicenceTermCitationWithdrawn;
import org.opennessledger.contracts.licences.LicenceTermCited;
import org.opennessledger.contracts.queries.Queries.GetAnnotation;
import org.opennessledger.contracts.queries.Queries.GetDocument;
import org.opennessledger.contracts.queries.Queries.GetDocumentVersion;
import org.opennessledger.contracts.queries.Queries.GetDocumentVersionDiff;
import org.opennessledger.contracts.queries.Queries.GetTimeline;
import org.opennessledger.contracts.queries.Queries.ListAnnotationArguments;
import org.opennessledger.contracts.queries.Queries.ListAnnotations;
import org.opennessledger.contracts.queries.Queries.ListArguments;
import org.opennessledger.contracts.queries.Queries.ListDocuments;
import org.opennessledger.contracts.queries.Queries.ListLicenceCitations;
import org.opennessledger.contracts.values.ClaimTarget;
import org.opennessledger.contracts.values.ComponentId;
import org.opennessledger.contracts.values.Evidence;
import org.opennessledger.contracts.values.Openness;
import org.opennessledger.contracts.values.Stance;
import org.opennessledger.contracts.values.Verdict;
import org.opennessledger.contracts.views.AnnotationView;
import org.opennessledger.contracts.views.ArgumentView;
import org.opennessledger.contracts.views.DocumentVersionDiffView;
import org.opennessledger.contracts.views.DocumentVersionDiffView.HunkView;
import org.opennessledger.contracts.views.DocumentVersionDiffView.LineView;
import org.opennessledger.contracts.views.DocumentVersionSummaryView;
import org.opennessledger.contracts.views.DocumentVersionView;
import org.opennessledger.contracts.views.DocumentView;
import org.opennessledger.contracts.views.HistoryEntryView;
import org.opennessledger.contracts.views.LicenceCitationView;
import org.opennessledger.contracts.views.ReviewView;
import org.opennessledger.contracts.views.TimelinePageView;

/** Documents with their versions, and annotations where they lie now: created, reviewed, carried over, orphaned. */
class DocumentsAndAnnotationsTest {

    private static final String CAP = "0b6f7c1e-6d2a-4f39-9a57-2f0c1d3e4b5a";
    private static final String USE = "7d3c2b1a-1111-4222-8333-944455566677";
    private static final String CAP_TEXT = "Not above 500 million monthly users.";
    private static final String USE_TEXT = "You may use the Model.";

    private final ReadSide readSide = ReadSide.tracking();

    @AfterEach
    void stop() {
        readSide.close();
    }

    private AnnotationView annotationView(String id) {
        return readSide.query(new GetAnnotation(id), optionalInstanceOf(AnnotationView.class)).orElseThrow();
    }

    @Test
    void aDocumentListsItsVersionsAndEachVersionKeepsItsText() {
        readSide.publish(documentVersion(1, LICENCE_V1, "alice"), "alice", "reviewer", null);
        readSide.publish(documentVersion(2, LICENCE_V2, "bob"), "bob", "reviewer", "upstream changed");
        readSide.awaitProjected();

        DocumentView document = readSide.query(new GetDocument(LICENCE_DOC), optionalInstanceOf(DocumentView.class))
                .orElseThrow();
        assertThat(document.latestVersion()).isEqualTo(2);
        assertThat(document.sourceUrl()).isEqualTo("https://example.org/sample-licence");
        assertThat(document.versions()).extracting(DocumentVersionSummaryView::version, DocumentVersionSummaryView::addedBy,
                        DocumentVersionSummaryView::characters)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "alice", LICENCE_V1.length() - 1),
                        org.assertj.core.groups.Tuple.tuple(2, "bob", LICENCE_V2.length()));
        assertThat(readSide.query(new ListDocuments(), multipleInstancesOf(DocumentView.class))).containsExactly(document);
        DocumentVersionView first = readSide.query(new GetDocumentVersion(LICENCE_DOC, 1),
                optionalInstanceOf(DocumentVersionView.class)).orElseThrow();
        assertThat(first.text()).isEqualTo(LICENCE_V1);
        assertThat(first.contentHash()).isEqualTo(documentVersion(1, LICENCE_V1, "alice").contentHash());
        assertThat(readSide.query(new GetDocumentVersion(LICENCE_DOC, 3), optionalInstanceOf(DocumentVersionView.class)))
                .isEmpty();
        assertThat(readSide.query(new GetDocument("doc-none"), optionalInstanceOf(DocumentView.class))).isEmpty();
    }

    @Test
    void twoStoredVersionsAreComparedLineByLineInEitherOrder() {
        readSide.publish(documentVersion(1, LICENCE_V1, "alice"), "alice", "reviewer", null);
        readSide.publish(documentVersion(2, LICENCE_V2, "bob"), "bob", "reviewer", null);
        readSide.publish(documentVersion(3, LICENCE_V3, "erin"), "erin", "reviewer", null);
        readSide.awaitProjected();

        DocumentVersionDiffView forward = diff(1, 2).orElseThrow();
        assertThat(forward.documentId()).isEqualTo(LICENCE_DOC);
        assertThat(forward.fromContentHash()).isEqualTo(documentVersion(1, LICENCE_V1, "alice").contentHash());
        assertThat(forward.toContentHash()).isEqualTo(documentVersion(2, LICENCE_V2, "bob").contentHash());
        assertThat(forward.addedLines()).isEqualTo(2);
        assertThat(forward.removedLines()).isEqualTo(1);
        assertThat(forward.hunks()).singleElement().satisfies(hunk -> {
            assertThat(hunk).extracting(HunkView::fromStart, HunkView::fromCount, HunkView::toStart, HunkView::toCount)
                    .containsExactly(1, 3, 1, 4);
            assertThat(hunk.lines()).containsExactly(new LineView("removed", "\uD83D\uDCDC Sample Licence"),
                    new LineView("added", "Sample Licence"), new LineView("added", "0. Definitions."),
                    new LineView("context", "1. You may use the Model."),
                    new LineView("context", "2. Not above 500 million monthly users."));
        });
        assertThat(forward.unified()).startsWith("--- doc-sample/versions/1\n+++ doc-sample/versions/2\n@@ -1,3 +1,4 @@\n");

        DocumentVersionDiffView backward = diff(3, 1).orElseThrow();
        assertThat(backward.from()).isEqualTo(3);
        assertThat(backward.to()).isEqualTo(1);
        assertThat(backward.removedLines()).isEqualTo(2);
        assertThat(backward.addedLines()).isEqualTo(3);

        DocumentVersionDiffView same = diff(2, 2).orElseThrow();
        assertThat(same.hunks()).isEmpty();
        assertThat(same.fromContentHash()).isEqualTo(same.toContentHash());

        assertThat(diff(1, 4)).isEmpty();
        assertThat(diff(4, 1)).isEmpty();
        assertThat(readSide.query(new GetDocumentVersionDiff("doc-none", 1, 1),
                optionalInstanceOf(DocumentVersionDiffView.class))).isEmpty();
    }

    private Optional<DocumentVersionDiffView> diff(int from, int to) {
        return readSide.query(new GetDocumentVersionDiff(LICENCE_DOC, from, to),
                optionalInstanceOf(DocumentVersionDiffView.class));
    }

    @Test
    void anAnnotationIsReviewedCarriedToANewVersionAndOrphanedWhenItsPassageGoes() {
        readSide.publish(documentVersion(1, LICENCE_V1, "alice"), "alice", "reviewer", null);
        readSide.publish(new AnnotationPlaced(LICENCE_DOC, CAP, 1, anchorOf(LICENCE_V1, CAP_TEXT)), "carol", "reviewer", null);
        readSide.publish(annotation(CAP, CAP_TEXT, "carol", AnnotationTag.USER_TYPE_THRESHOLD), "carol", "reviewer", null);
        readSide.publish(new AnnotationPlaced(LICENCE_DOC, USE, 1, anchorOf(LICENCE_V1, USE_TEXT)), "dave", "reviewer", null);
        readSide.publish(annotation(USE, USE_TEXT, "dave", AnnotationTag.USE_SCOPE_RESTRICTION, AnnotationTag.OTHER),
                "dave", "reviewer", null);
        readSide.publish(new AnnotationReviewed(CAP, "bob", Verdict.AGREE, null, null, 1, 0), "bob", "reviewer", null);
        readSide.publish(new AnnotationReviewed(CAP, "bob", Verdict.DISAGREE, "it caps customers", Verdict.AGREE, 0, 1),
                "bob", "reviewer", null);
        readSide.publish(documentVersion(2, LICENCE_V2, "bob"), "bob", "reviewer", null);
        readSide.publish(new AnnotationReanchored(LICENCE_DOC, CAP, 1, 2, anchorOf(LICENCE_V2, CAP_TEXT)), "bob",
                "reviewer", null);
        readSide.publish(new AnnotationReanchored(LICENCE_DOC, USE, 1, 2, anchorOf(LICENCE_V2, USE_TEXT)), "bob",
                "reviewer", null);
        readSide.publish(documentVersion(3, LICENCE_V3, "erin"), "erin", "reviewer", null);
        readSide.publish(new AnnotationOrphaned(LICENCE_DOC, CAP, 2, 3, anchorOf(LICENCE_V2, CAP_TEXT)), "erin",
                "reviewer", null);
        readSide.publish(new AnnotationOrphaned(LICENCE_DOC, USE, 2, 3, anchorOf(LICENCE_V2, USE_TEXT)), "erin",
                "reviewer", null);
        readSide.awaitProjected();

        AnnotationView cap = annotationView(CAP);
        assertThat(cap.version()).isEqualTo(2);
        assertThat(cap.anchor()).isEqualTo(anchorOf(LICENCE_V2, CAP_TEXT));
        assertThat(cap.orphaned()).isTrue();
        assertThat(cap.orphanedInVersion()).isEqualTo(3);
        assertThat(cap.tags()).containsExactly("user-type-threshold");
        assertThat(cap.motivation()).isEqualTo("assessing");
        assertThat(cap.creatorId()).isEqualTo("carol");
        assertThat(cap.agreeCount()).isZero();
        assertThat(cap.disagreeCount()).isEqualTo(1);
        assertThat(cap.reviews()).extracting(ReviewView::verdict, ReviewView::replaced)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("agree", true),
                        org.assertj.core.groups.Tuple.tuple("disagree", false));
        assertThat(cap.created()).isBefore(cap.modified());

        assertThat(readSide.query(new ListAnnotations(LICENCE_DOC, null, null), multipleInstancesOf(AnnotationView.class)))
                .extracting(AnnotationView::annotationId).containsExactly(CAP, USE);
        assertThat(readSide.query(new ListAnnotations(null, "other", null), multipleInstancesOf(AnnotationView.class)))
                .extracting(AnnotationView::annotationId).containsExactly(USE);
        assertThat(readSide.query(new ListAnnotations(null, null, "carol"), multipleInstancesOf(AnnotationView.class)))
                .extracting(AnnotationView::annotationId).containsExactly(CAP);
        assertThat(readSide.query(new ListAnnotations("doc-none", null, null), multipleInstancesOf(AnnotationView.class)))
                .isEmpty();

        TimelinePageView history = readSide.query(new GetTimeline("all", null, List.of(), null, null, null, false, 50),
                instanceOf(TimelinePageView.class));
        assertThat(history.entries()).extracting(HistoryEntryView::eventType).containsExactly("DocumentVersionAdded",
                "AnnotationCreated", "AnnotationCreated", "AnnotationReviewed", "AnnotationReviewed",
                "DocumentVersionAdded", "AnnotationReanchored", "AnnotationReanchored", "DocumentVersionAdded",
                "AnnotationOrphaned", "AnnotationOrphaned");
        assertThat(history.entries().get(1).summary())
                .isEqualTo("carol annotated version 1 of document doc-sample (user-type-threshold): \"" + CAP_TEXT + "\"");
    }

    @Test
    void evidenceCitingAnAnnotationListsItUnderTheClaimsAndModelsThatCiteIt() {
        readSide.publish(documentVersion(1, LICENCE_V1, "alice"), "alice", "reviewer", null);
        readSide.publish(annotation(CAP, CAP_TEXT, "carol", AnnotationTag.USER_TYPE_THRESHOLD), "carol", "reviewer", null);
        readSide.publish(annotation(USE, USE_TEXT, "dave", AnnotationTag.USE_SCOPE_RESTRICTION), "dave", "reviewer", null);
        Evidence citingCap = new Evidence("https://example.org/sample-licence", CAP_TEXT, LocalDate.of(2025, 2, 1),
                "sha256:abc", CAP);
        ClaimTarget llama = Events.ofFamily(ComponentId.LICENCE_TERMS);
        ClaimTarget other = ClaimTarget.family("other-model", ComponentId.LICENCE_TERMS);
        var proposal = new ClaimProposed("claim-1", llama, Openness.PARTIAL, null, List.of(citingCap),
                "capped", "alice", Events.POLICY);
        readSide.publish(proposal, "alice", "reviewer", null);
        readSide.publish(proposal, "alice", "reviewer", null); // delivered twice: still one citation
        readSide.publish(new ClaimProposed("claim-2", other, Openness.CLOSED, null, List.of(Events.evidence("plain")),
                "closed", "bob", Events.POLICY), "bob", "reviewer", null);
        // an argument on claim 2 cites the cap: the claim's model comes from its page
        readSide.publish(new ArgumentPosted("claim-2", "argument-1", null, Stance.CON, "see the cap",
                List.of(citingCap), "erin"), "erin", "reviewer", null);
        readSide.awaitProjected();

        AnnotationView cap = annotationView(CAP);
        assertThat(cap.citedByClaims()).containsExactly("claim-1", "claim-2");
        assertThat(cap.modelIds()).containsExactly(Events.LLAMA, "other-model");
        assertThat(annotationView(USE).citedByClaims()).isEmpty();
        assertThat(readSide.query(new ListAnnotations(null, null, null, "other-model"),
                multipleInstancesOf(AnnotationView.class))).extracting(AnnotationView::annotationId).containsExactly(CAP);
        assertThat(readSide.query(new ListAnnotations(null, null, null, "no-model"),
                multipleInstancesOf(AnnotationView.class))).isEmpty();
    }

    @Test
    void anAnnotationsDebateKeepsItsThreadAndRevisionsApartFromEveryClaim() {
        String first = "5a1f0c3e-1b2c-4d5e-8f90-a1b2c3d4e5f6";
        String reply = "6b2a1d4f-2c3d-4e5f-9a01-b2c3d4e5f6a7";
        readSide.publish(documentVersion(1, LICENCE_V1, "alice"), "alice", "reviewer", null);
        readSide.publish(annotation(CAP, CAP_TEXT, "carol", AnnotationTag.USER_TYPE_THRESHOLD), "carol", "reviewer", null);
        readSide.publish(new AnnotationArgumentPosted(CAP, first, null, Stance.CON, "it caps customers", List.of(),
                "bob"), "bob", "reviewer", null);
        readSide.publish(new AnnotationArgumentPosted(CAP, reply, first, Stance.PRO, "clause 2 says users", List.of(),
                "carol"), "carol", "reviewer", null);
        readSide.publish(new AnnotationArgumentEdited(CAP, first, 2, "it caps paying customers", List.of(), true, "bob"),
                "bob", "reviewer", null);
        readSide.awaitProjected();

        List<ArgumentView> thread = readSide.query(new ListAnnotationArguments(CAP),
                multipleInstancesOf(ArgumentView.class));
        assertThat(thread).extracting(ArgumentView::argumentId).containsExactly(first, reply);
        ArgumentView edited = thread.get(0);
        assertThat(edited.claimId()).isNull();
        assertThat(edited.text()).isEqualTo("it caps paying customers");
        assertThat(edited.revisions()).extracting(ArgumentView.Revision::text)
                .containsExactly("it caps customers", "it caps paying customers");
        assertThat(edited.editedAfterReply()).isTrue();
        assertThat(edited.replyCount()).isEqualTo(1);
        assertThat(thread.get(1).parentArgumentId()).isEqualTo(first);
        // no claim has this thread, and another annotation has none
        assertThat(readSide.query(new ListArguments(CAP), multipleInstancesOf(ArgumentView.class))).isEmpty();
        assertThat(readSide.query(new ListAnnotationArguments(USE), multipleInstancesOf(ArgumentView.class))).isEmpty();
        TimelinePageView history = readSide.query(new GetTimeline("all", null, List.of(), null, null, null, false, 50),
                instanceOf(TimelinePageView.class));
        assertThat(history.entries()).extracting(HistoryEntryView::summary).contains(
                "bob posted a con argument on annotation " + CAP,
                "bob edited argument " + first + " on annotation " + CAP + " (revision 2, after a reply)");
    }

    @Test
    void aCatalogueLicenceListsThePassagesCitedForItsTermsUntilWithdrawn() {
        readSide.publish(documentVersion(1, LICENCE_V1, "alice"), "alice", "reviewer", null);
        readSide.publish(annotation(CAP, CAP_TEXT, "carol", AnnotationTag.USER_TYPE_THRESHOLD), "carol", "reviewer", null);
        readSide.publish(annotation(USE, USE_TEXT, "dave", AnnotationTag.USE_SCOPE_RESTRICTION), "dave", "reviewer", null);
        readSide.publish(new LicenceTermCited("llama3.1-community", LicenceTerm.MONTHLY_ACTIVE_USERS, CAP, "ada"), "ada",
                "admin", null);
        readSide.publish(new LicenceTermCited("llama3.1-community", LicenceTerm.USE_SCOPE_RESTRICTED, USE, "ada"), "ada",
                "admin", null);
        readSide.publish(new LicenceTermCitationWithdrawn("llama3.1-community", LicenceTerm.USE_SCOPE_RESTRICTED, USE,
                "root"), "root", "admin", "the passage grants, it does not restrict");
        readSide.awaitProjected();

        List<LicenceCitationView> citations = readSide.query(new ListLicenceCitations("llama3.1-community"),
                multipleInstancesOf(LicenceCitationView.class));
        assertThat(citations).singleElement().satisfies(cited -> {
            assertThat(cited.term()).isEqualTo("monthly-active-users");
            assertThat(cited.annotationId()).isEqualTo(CAP);
            assertThat(cited.documentId()).isEqualTo(LICENCE_DOC);
            assertThat(cited.quote()).isEqualTo(CAP_TEXT);
            assertThat(cited.citedBy()).isEqualTo("ada");
            assertThat(cited.citedAt()).isNotNull();
        });
        assertThat(readSide.query(new ListLicenceCitations("gemma-terms"), multipleInstancesOf(LicenceCitationView.class)))
                .isEmpty();
        TimelinePageView history = readSide.query(new GetTimeline("all", null, List.of(), null, null, null, false, 50),
                instanceOf(TimelinePageView.class));
        assertThat(history.entries()).extracting(HistoryEntryView::summary).contains(
                "ada cited annotation " + CAP + " for the monthly-active-users term of licence llama3.1-community",
                "root withdrew annotation " + USE + " from the use-scope-restricted term of licence llama3.1-community");
    }
}
