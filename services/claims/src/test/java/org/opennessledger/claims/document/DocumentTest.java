package org.opennessledger.claims.document;

import static org.opennessledger.claims.Rejections.rejected;
import static org.opennessledger.claims.TestActors.as;
import static org.opennessledger.claims.TestActors.reviewer;

import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennessledger.claims.AggregateCommandTargetResolver;
import org.opennessledger.contracts.annotations.AnnotationCreated;
import org.opennessledger.contracts.annotations.AnnotationTag;
import org.opennessledger.contracts.annotations.CreateAnnotation;
import org.opennessledger.contracts.annotations.Motivation;
import org.opennessledger.contracts.annotations.TextAnchor;
import org.opennessledger.contracts.annotations.TextPositionSelector;
import org.opennessledger.contracts.annotations.TextQuoteSelector;
import org.opennessledger.contracts.documents.AddDocumentVersion;
import org.opennessledger.contracts.documents.AnnotationOrphaned;
import org.opennessledger.contracts.documents.AnnotationPlaced;
import org.opennessledger.contracts.documents.AnnotationReanchored;
import org.opennessledger.contracts.documents.DocumentVersionAdded;
import org.opennessledger.contracts.documents.DocumentVersionResult;
import org.opennessledger.contracts.errors.CommandRejected.Reason;
import org.opennessledger.contracts.values.DocumentIds;

/** A document's versions and the annotations it creates and carries over; texts written for these tests. */
class DocumentTest {

    private static final String URL = "https://example.org/sample-licence";
    private static final String DOC = DocumentIds.forUrl(URL);
    private static final Instant READ = Instant.parse("2025-04-01T10:00:00Z");
    private static final String NOTE = "0b6f7c1e-6d2a-4f39-9a57-2f0c1d3e4b5a";
    private static final String OTHER_NOTE = "7d3c2b1a-1111-4222-8333-944455566677";
    private static final String V1 = "Sample Licence\n1. You may use the Model.\n2. Not above 500 million monthly users.\n";
    private static final String V2 = "Sample Licence v2\n0. Definitions first.\n1. You may use the Model.\n"
            + "2. Not above 500 million monthly users.\n";
    private static final String V3 = "Sample Licence v3\n1. You may use the Model for research only.\n";

    private static final DocumentVersionAdded ADDED = new DocumentVersionAdded(DOC, 1, URL, "Sample licence",
            "text/plain", DocumentText.contentHash(V1), V1, READ, "alice");

    private FixtureConfiguration<Document> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Document.class);
        fixture.registerCommandTargetResolver(new AggregateCommandTargetResolver());
    }

    private static AddDocumentVersion add(String text) {
        return new AddDocumentVersion(DOC, URL, "Sample licence", "text/plain", text, READ);
    }

    private static TextAnchor anchorIn(String text, String exact) throws Exception {
        return TextAnchoring.anchor(text, new TextQuoteSelector(exact, "", ""), null);
    }

    @Test
    void theFirstSnapshotMakesTheDocumentWithItsNormalisedTextAndContentHash() {
        fixture.givenNoPriorActivity()
                .when(add(V1.replace("\n", "\r\n")), reviewer("alice"))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(new DocumentVersionResult(1, true))
                .expectEvents(ADDED);
    }

    @Test
    void aFormFeedIsAPageBreakNotBinary() {
        String paged = "Page one.\fPage two.\n";
        fixture.givenNoPriorActivity()
                .when(add(paged), reviewer("alice"))
                .expectEvents(new DocumentVersionAdded(DOC, 1, URL, "Sample licence", "text/plain",
                        DocumentText.contentHash(paged), paged, READ, "alice"));
    }

    @Test
    void theSameTextAgainChangesNothingAndAnotherTextIsTheNextVersion() {
        fixture.given(ADDED)
                .when(add(V1), reviewer("bob"))
                .expectResultMessagePayload(new DocumentVersionResult(1, false))
                .expectNoEvents();
        fixture.given(ADDED)
                .when(add(V2), reviewer("bob"))
                .expectResultMessagePayload(new DocumentVersionResult(2, true))
                .expectEvents(new DocumentVersionAdded(DOC, 2, URL, "Sample licence", "text/plain",
                        DocumentText.contentHash(V2), V2, READ, "bob"));
    }

    @Test
    void badSnapshotsAreRefusedWithTheReason() {
        fixture.givenNoPriorActivity().when(add("\u0000\u0001binary"), reviewer("alice"))
                .expectException(rejected(Reason.INVALID, "control characters")).expectNoEvents();
        fixture.givenNoPriorActivity().when(add("text\u0085with a C1 control"), reviewer("alice"))
                .expectException(rejected(Reason.INVALID, "control characters")).expectNoEvents();
        fixture.givenNoPriorActivity().when(add("x".repeat(Document.MAX_TEXT_BYTES + 1)), reviewer("alice"))
                .expectException(rejected(Reason.INVALID, "at most 204800")).expectNoEvents();
        fixture.givenNoPriorActivity().when(add("  \n "), reviewer("alice"))
                .expectException(rejected(Reason.INVALID, "text is empty")).expectNoEvents();
        fixture.givenNoPriorActivity().when(new AddDocumentVersion(DOC, URL, "t", "application/pdf", V1, READ),
                reviewer("alice")).expectException(rejected(Reason.INVALID, "mediaType must be one of")).expectNoEvents();
        fixture.givenNoPriorActivity().when(new AddDocumentVersion(DOC, "ftp://example.org/x", "t", "text/plain", V1,
                READ), reviewer("alice")).expectException(rejected(Reason.INVALID, "sourceUrl")).expectNoEvents();
        fixture.given(ADDED).when(new AddDocumentVersion(DOC, "https://example.org/other", "t", "text/plain", V2, READ),
                reviewer("alice")).expectException(rejected(Reason.INVALID, "documentId of https://example.org/other is doc-"))
                .expectNoEvents();
        fixture.givenNoPriorActivity().when(add(V1), as("visitor", "producer"))
                .expectException(rejected(Reason.FORBIDDEN, "adding a document")).expectNoEvents();
    }

    @Test
    void anAnnotationIsPlacedHereAndCreatedWithBothSelectors() throws Exception {
        TextAnchor anchor = anchorIn(V1, "Not above 500 million monthly users.");
        fixture.given(ADDED)
                .when(new CreateAnnotation(NOTE, DOC, 1, new TextQuoteSelector("Not above 500 million monthly users.",
                        null, null), null, List.of("user-type-threshold", "user-type-threshold"), " a user cap ",
                        "assessing"), reviewer("carol"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new AnnotationPlaced(DOC, NOTE, 1, anchor),
                        new AnnotationCreated(NOTE, DOC, 1, anchor, List.of(AnnotationTag.USER_TYPE_THRESHOLD),
                                AnnotationTag.TAXONOMY_VERSION, "a user cap", Motivation.ASSESSING, "carol"));
    }

    @Test
    void annotationsThatDoNotFitAreRefusedAndNothingIsStored() {
        TextQuoteSelector quote = new TextQuoteSelector("You may use the Model.", null, null);
        fixture.given(ADDED).when(new CreateAnnotation(NOTE, DOC, 1, new TextQuoteSelector("not in the text", null,
                        null), null, List.of("other"), null, "commenting"), reviewer("carol"))
                .expectException(rejected(Reason.INVALID, "does not occur")).expectNoEvents();
        fixture.given(ADDED).when(new CreateAnnotation(NOTE, DOC, 1, quote, new TextPositionSelector(0, 9999),
                        List.of("other"), null, "commenting"), reviewer("carol"))
                .expectException(rejected(Reason.INVALID, "not a passage of this text")).expectNoEvents();
        fixture.given(ADDED).when(new CreateAnnotation(NOTE, DOC, 1, quote, null, List.of("no-such-tag"), null,
                        "commenting"), reviewer("carol"))
                .expectException(rejected(Reason.INVALID, "unknown tag 'no-such-tag'")).expectNoEvents();
        fixture.given(ADDED).when(new CreateAnnotation(NOTE, DOC, 1, quote, null, List.of(), null, "commenting"),
                        reviewer("carol"))
                .expectException(rejected(Reason.INVALID, "at least one tag")).expectNoEvents();
        fixture.given(ADDED).when(new CreateAnnotation(NOTE, DOC, 1, quote, null, List.of("other"), null, "liking"),
                        reviewer("carol"))
                .expectException(rejected(Reason.INVALID, "motivation must be one of")).expectNoEvents();
        fixture.given(ADDED).when(new CreateAnnotation(NOTE, DOC, 2, quote, null, List.of("other"), null, "commenting"),
                        reviewer("carol"))
                .expectException(rejected(Reason.NOT_FOUND, "has no version 2")).expectNoEvents();
        fixture.given(ADDED, new DocumentVersionAdded(DOC, 2, URL, "t", "text/plain", DocumentText.contentHash(V2), V2,
                        READ, "bob"))
                .when(new CreateAnnotation(NOTE, DOC, 1, quote, null, List.of("other"), null, "commenting"),
                        reviewer("carol"))
                .expectException(rejected(Reason.CONFLICT, "annotate the latest")).expectNoEvents();
        fixture.given(ADDED).when(new CreateAnnotation("note-1", DOC, 1, quote, null, List.of("other"), null,
                        "commenting"), reviewer("carol"))
                .expectException(rejected(Reason.INVALID, "annotationId must be a UUID")).expectNoEvents();
    }

    @Test
    void aNewVersionCarriesEachAnnotationOverByItsQuoteOrMarksItOrphaned() throws Exception {
        TextAnchor use = anchorIn(V1, "You may use the Model.");
        TextAnchor cap = anchorIn(V1, "Not above 500 million monthly users.");
        fixture.given(ADDED, new AnnotationPlaced(DOC, NOTE, 1, use), new AnnotationPlaced(DOC, OTHER_NOTE, 1, cap))
                .when(add(V2), reviewer("bob"))
                .expectEvents(new DocumentVersionAdded(DOC, 2, URL, "Sample licence", "text/plain",
                                DocumentText.contentHash(V2), V2, READ, "bob"),
                        new AnnotationReanchored(DOC, NOTE, 1, 2, TextAnchoring.reanchor(V2, use).orElseThrow()),
                        new AnnotationReanchored(DOC, OTHER_NOTE, 1, 2, TextAnchoring.reanchor(V2, cap).orElseThrow()));

        TextAnchor useInV2 = TextAnchoring.reanchor(V2, use).orElseThrow();
        TextAnchor capInV2 = TextAnchoring.reanchor(V2, cap).orElseThrow();
        // version 3 drops the cap and rewrites the use sentence: both orphaned, each with its last anchor
        fixture.given(ADDED, new AnnotationPlaced(DOC, NOTE, 1, use), new AnnotationPlaced(DOC, OTHER_NOTE, 1, cap),
                        new DocumentVersionAdded(DOC, 2, URL, "t", "text/plain", DocumentText.contentHash(V2), V2, READ,
                                "bob"),
                        new AnnotationReanchored(DOC, NOTE, 1, 2, useInV2),
                        new AnnotationReanchored(DOC, OTHER_NOTE, 1, 2, capInV2))
                .when(add(V3), reviewer("bob"))
                .expectEvents(new DocumentVersionAdded(DOC, 3, URL, "Sample licence", "text/plain",
                                DocumentText.contentHash(V3), V3, READ, "bob"),
                        new AnnotationOrphaned(DOC, NOTE, 2, 3, useInV2),
                        new AnnotationOrphaned(DOC, OTHER_NOTE, 2, 3, capInV2));
    }

    @Test
    void anOrphanedAnnotationIsNotCarriedFurther() throws Exception {
        TextAnchor cap = anchorIn(V1, "Not above 500 million monthly users.");
        fixture.given(ADDED, new AnnotationPlaced(DOC, NOTE, 1, cap),
                        new DocumentVersionAdded(DOC, 2, URL, "t", "text/plain", DocumentText.contentHash(V3), V3, READ,
                                "bob"),
                        new AnnotationOrphaned(DOC, NOTE, 1, 2, cap))
                .when(add(V1), reviewer("bob"))
                .expectEvents(new DocumentVersionAdded(DOC, 3, URL, "Sample licence", "text/plain",
                        DocumentText.contentHash(V1), V1, READ, "bob"));
    }
}
