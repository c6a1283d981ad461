package org.opennessledger.gateway.api;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.opennessledger.contracts.annotations.CreateAnnotation;
import org.opennessledger.contracts.annotations.ReviewAnnotation;
import org.opennessledger.contracts.annotations.TextPositionSelector;
import org.opennessledger.contracts.annotations.TextQuoteSelector;
import org.opennessledger.contracts.documents.AddDocumentVersion;
import org.opennessledger.contracts.documents.DocumentVersionResult;
import org.opennessledger.contracts.queries.Queries.GetAnnotation;
import org.opennessledger.contracts.queries.Queries.GetDocument;
import org.opennessledger.contracts.queries.Queries.GetDocumentVersion;
import org.opennessledger.contracts.queries.Queries.GetDocumentVersionDiff;
import org.opennessledger.contracts.queries.Queries.ListAnnotations;
import org.opennessledger.contracts.queries.Queries.ListDocuments;
import org.opennessledger.contracts.values.DocumentIds;
import org.opennessledger.contracts.values.Verdict;
import org.opennessledger.contracts.views.AnnotationView;
import org.opennessledger.contracts.views.DocumentVersionDiffView;
import org.opennessledger.contracts.views.DocumentVersionSummaryView;
import org.opennessledger.contracts.views.DocumentVersionView;
import org.opennessledger.contracts.views.DocumentView;
import org.opennessledger.gateway.bus.QueryRunner;
import org.opennessledger.gateway.fetch.DocumentFetcher;
import org.opennessledger.gateway.http.ApiException;
import org.opennessledger.gateway.http.JsonBodies;
import org.opennessledger.gateway.http.LedgerJson;
import org.opennessledger.gateway.http.ProblemType;
import org.opennessledger.interop.SourceFormatException;
import org.opennessledger.interop.annotations.AnnotationJsonLd;

/**
 * Documents (content-addressed versions of licences and model cards) and annotations of their passages.
 * Texts are user content, returned only as JSON strings.
 */
final class DocumentEndpoints {

    private final QueryRunner queries;
    private final WriteFlow writes;
    /** Empty where fetching documents is switched off (the default). */
    private final Optional<DocumentFetcher> fetcher;

    DocumentEndpoints(QueryRunner queries, WriteFlow writes, Optional<DocumentFetcher> fetcher) {
        this.queries = queries;
        this.writes = writes;
        this.fetcher = fetcher;
    }

    void register(Map<String, Handler<RoutingContext>> handlers) {
        handlers.put("listDocuments", ctx -> queries.list(new ListDocuments(), DocumentView.class)
                .onSuccess(documents -> JsonBodies.respond(ctx, 200, documents)).onFailure(ctx::fail));
        handlers.put("addDocumentVersion", this::addDocumentVersion);
        handlers.put("fetchDocumentVersion", this::fetchDocumentVersion);
        handlers.put("getDocument", ctx -> document(ctx.pathParam("documentId"))
                .onSuccess(document -> JsonBodies.respond(ctx, 200, document)).onFailure(ctx::fail));
        handlers.put("listDocumentVersions", ctx -> document(ctx.pathParam("documentId"))
                .onSuccess(document -> JsonBodies.respond(ctx, 200, document.versions())).onFailure(ctx::fail));
        handlers.put("getDocumentVersion", this::getDocumentVersion);
        handlers.put("diffDocumentVersions", this::diffDocumentVersions);
        handlers.put("listAnnotations", ctx -> queries.list(new ListAnnotations(ctx.queryParams().get("document"),
                        ctx.queryParams().get("tag"), ctx.queryParams().get("creator"), ctx.queryParams().get("model")),
                        AnnotationView.class)
                .onSuccess(annotations -> JsonBodies.respond(ctx, 200, annotations)).onFailure(ctx::fail));
        handlers.put("createAnnotation", this::createAnnotation);
        handlers.put("getAnnotation", ctx -> {
            String annotationId = ctx.pathParam("annotationId");
            annotation(annotationId)
                    .map(found -> found.orElseThrow(() -> noAnnotation(annotationId)))
                    .onSuccess(annotation -> JsonBodies.respond(ctx, 200, annotation)).onFailure(ctx::fail);
        });
        handlers.put("reviewAnnotation", this::reviewAnnotation);
        handlers.put("exportAnnotations", this::exportAnnotations);
        handlers.put("importAnnotations", this::importAnnotations);
    }

    private void addDocumentVersion(RoutingContext ctx) {
        ApiRequests.AddDocument body = JsonBodies.read(ctx, ApiRequests.AddDocument.class);
        Instant retrievedAt = body.retrievedAt() == null ? Instant.now() : body.retrievedAt().toInstant();
        AddDocumentVersion command = new AddDocumentVersion(DocumentIds.forUrl(body.sourceUrl()), body.sourceUrl(),
                body.title(), body.mediaType(), body.text(), retrievedAt);
        store(ctx, command, ApiRequests.reasonOr(body.reason(), "Added a snapshot of " + body.sourceUrl()))
                .onFailure(ctx::fail);
    }

    /**
     * Reads the text from its source, then adds it as a pasted text would be. The gateway checks the role
     * before it fetches anything: no one else may make the server connect anywhere. Any refusal of the
     * fetcher answers before a command is sent, so nothing is stored.
     */
    private void fetchDocumentVersion(RoutingContext ctx) {
        if (fetcher.isEmpty()) {
            throw new ApiException(ProblemType.DOCUMENT_FETCH_DISABLED, "This ledger does not fetch documents from "
                    + "their source (its operator has not switched it on: LEDGER_DOCUMENT_FETCH). Paste the text "
                    + "with POST /api/documents instead.");
        }
        RoleChecks.requireReviewerOrAdmin(ctx, "Fetching a document");
        ApiRequests.FetchDocument body = JsonBodies.read(ctx, ApiRequests.FetchDocument.class);
        fetcher.get().fetch(body.sourceUrl())
                .compose(fetched -> store(ctx, new AddDocumentVersion(DocumentIds.forUrl(fetched.sourceUrl()),
                                fetched.sourceUrl(), body.title(), fetched.mediaType(), fetched.text(),
                                fetched.retrievedAt()),
                        ApiRequests.reasonOr(body.reason(), "Fetched a snapshot of " + fetched.sourceUrl()
                                + (fetched.redirects() == 0 ? "" : " (read at " + fetched.finalUrl() + ")"))))
                .onFailure(ctx::fail);
    }

    /** Sends the command; answers 201 with a new version, 200 when the text is the latest version already. */
    private Future<Void> store(RoutingContext ctx, AddDocumentVersion command, String reason) {
        String documentId = command.documentId();
        return writes.send(ctx, command, reason).map(answer -> {
            DocumentVersionResult result = (DocumentVersionResult) answer;
            writes.answer(ctx, result.added() ? 201 : 200, versionLocation(documentId, result.version()),
                    () -> queries.optional(new GetDocumentVersion(documentId, result.version()),
                            DocumentVersionView.class));
            return null;
        });
    }

    private void getDocumentVersion(RoutingContext ctx) {
        String documentId = ctx.pathParam("documentId");
        int version = Integer.parseInt(ctx.pathParam("version"));
        queries.optional(new GetDocumentVersion(documentId, version), DocumentVersionView.class)
                .map(found -> found.orElseThrow(() -> noVersion(documentId, version)))
                .onSuccess(found -> JsonBodies.respond(ctx, 200, found)).onFailure(ctx::fail);
    }

    /** The read side compares the two texts; a missing one is named by asking for the document. */
    private void diffDocumentVersions(RoutingContext ctx) {
        String documentId = ctx.pathParam("documentId");
        int from = Integer.parseInt(ctx.pathParam("from"));
        int to = Integer.parseInt(ctx.pathParam("to"));
        queries.optional(new GetDocumentVersionDiff(documentId, from, to), DocumentVersionDiffView.class)
                .compose(found -> found.isPresent() ? Future.succeededFuture(found.get())
                        : document(documentId).compose(document -> Future.failedFuture(noVersion(documentId,
                                document.versions().stream().anyMatch(v -> v.version() == from) ? to : from))))
                .onSuccess(diff -> JsonBodies.respond(ctx, 200, diff)).onFailure(ctx::fail);
    }

    private void createAnnotation(RoutingContext ctx) {
        ApiRequests.CreateAnnotation body = JsonBodies.read(ctx, ApiRequests.CreateAnnotation.class);
        String annotationId = UUID.randomUUID().toString();
        TextPositionSelector position = body.position() == null ? null
                : new TextPositionSelector(body.position().start(), body.position().end());
        CreateAnnotation command = new CreateAnnotation(annotationId, body.documentId(), body.version(),
                new TextQuoteSelector(body.quote().exact(), body.quote().prefix(), body.quote().suffix()), position,
                body.tags(), body.comment(), body.motivation());
        writes.send(ctx, command, ApiRequests.reasonOr(body.reason(), "Annotated document " + body.documentId()))
                .onSuccess(done -> writes.answer(ctx, 201, "/api/annotations/" + annotationId,
                        () -> annotation(annotationId)))
                .onFailure(ctx::fail);
    }

    private void reviewAnnotation(RoutingContext ctx) {
        String annotationId = ctx.pathParam("annotationId");
        ApiRequests.Review body = JsonBodies.read(ctx, ApiRequests.Review.class);
        Verdict verdict = ApiRequests.verdict(body);
        String reason = ApiRequests.blankToNull(body.reason());
        writes.send(ctx, new ReviewAnnotation(annotationId, verdict, reason),
                        ApiRequests.reasonOr(reason, "Reviewed annotation " + annotationId + ": " + verdict.id()))
                .onSuccess(done -> writes.answer(ctx, 200, "/api/annotations/" + annotationId,
                        () -> annotation(annotationId)))
                .onFailure(ctx::fail);
    }

    private void exportAnnotations(RoutingContext ctx) {
        String documentId = ctx.queryParams().get("document");
        String tag = ctx.queryParams().get("tag");
        queries.list(new ListAnnotations(documentId, tag, null), AnnotationView.class)
                .compose(annotations -> {
                    // each annotation's document once: its source URL and when each version was read
                    Map<String, Future<Optional<DocumentView>>> documents = new LinkedHashMap<>();
                    annotations.forEach(a -> documents.computeIfAbsent(a.documentId(),
                            id -> queries.optional(new GetDocument(id), DocumentView.class)));
                    return Future.all(List.copyOf(documents.values())).map(all -> AnnotationJsonLd.collection(
                            "urn:openness-ledger:annotations" + (documentId == null ? "" : ":" + documentId)
                                    + (tag == null ? "" : ":" + tag),
                            "Annotations" + (documentId == null ? "" : " of " + documentId)
                                    + (tag == null ? "" : " tagged " + tag),
                            annotations, a -> source(a, documents.get(a.documentId()).result().orElse(null))));
                })
                .onSuccess(collection -> ctx.response()
                        .putHeader("Content-Type", "application/ld+json; profile=\"http://www.w3.org/ns/anno.jsonld\"")
                        .end(Json.encode(collection)))
                .onFailure(ctx::fail);
    }

    private static AnnotationJsonLd.VersionSource source(AnnotationView annotation, DocumentView document) {
        Instant retrievedAt = document == null ? null : document.versions().stream()
                .filter(v -> v.version() == annotation.version()).map(DocumentVersionSummaryView::retrievedAt)
                .findFirst().orElse(null);
        return new AnnotationJsonLd.VersionSource(document == null ? null : document.sourceUrl(), retrievedAt,
                versionLocation(annotation.documentId(), annotation.version()));
    }

    /**
     * Each annotation of the file in turn, as the requesting admin; one result per annotation, in order. Admins
     * only, as every import: the write limits count requests, and an import sends a command per annotation.
     */
    private void importAnnotations(RoutingContext ctx) {
        RoleChecks.requireAdmin(ctx, "Importing annotations");
        List<AnnotationJsonLd.Imported> items;
        try {
            items = AnnotationJsonLd.read(LedgerJson.mapper().readTree(ctx.body().buffer().getBytes()));
        } catch (SourceFormatException e) {
            throw new ApiException(ProblemType.INVALID_REQUEST, e.getMessage());
        } catch (IOException e) {
            throw new ApiException(ProblemType.INVALID_REQUEST, "The body is not valid JSON.");
        }
        List<Map<String, Object>> results = new ArrayList<>();
        Future<Void> chain = Future.succeededFuture();
        for (int i = 0; i < items.size(); i++) {
            int index = i + 1;
            AnnotationJsonLd.Imported item = items.get(i);
            chain = chain.compose(ignored -> importOne(ctx, item)
                    .map(annotationId -> result(index, annotationId, 201, null))
                    .recover(error -> Future.succeededFuture(error instanceof ApiException problem
                            ? result(index, null, problem.type().status(), problem.detail())
                            : result(index, null, 500, "not stored: " + error.getClass().getSimpleName())))
                    .map(result -> {
                        results.add(result);
                        return null;
                    }));
        }
        chain.compose(ignored -> queries.caughtUp())
                .onComplete(ignored -> JsonBodies.respond(ctx, 200, results));
    }

    private Future<String> importOne(RoutingContext ctx, AnnotationJsonLd.Imported item) {
        String documentId = DocumentIds.forUrl(item.sourceUrl());
        return queries.optional(new GetDocument(documentId), DocumentView.class).compose(document -> {
            if (document.isEmpty()) {
                return Future.failedFuture(ApiException.notFound("No document of " + item.sourceUrl()
                        + " in this ledger: add its text first."));
            }
            String annotationId = UUID.randomUUID().toString();
            // positions are the source's; the quote with its context places the passage in this ledger's latest text
            CreateAnnotation command = new CreateAnnotation(annotationId, documentId, document.get().latestVersion(),
                    item.quote(), null, item.tags(), item.comment(), item.motivation());
            String creator = item.creator() == null ? "" : " (created there by "
                    + item.creator().replaceAll("\\p{Cntrl}", " ").codePoints().limit(100)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append) + ")";
            return writes.send(ctx, command, "Imported from W3C Web Annotation JSON-LD" + creator).map(done -> annotationId);
        });
    }

    private static Map<String, Object> result(int index, String annotationId, int status, String detail) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("index", index);
        result.put("annotationId", annotationId);
        result.put("status", status);
        result.put("detail", detail);
        return result;
    }

    private Future<DocumentView> document(String documentId) {
        return queries.optional(new GetDocument(documentId), DocumentView.class)
                .map(found -> found.orElseThrow(() -> ApiException.notFound("No document with id '" + documentId + "'.")));
    }

    private Future<Optional<AnnotationView>> annotation(String annotationId) {
        return queries.optional(new GetAnnotation(annotationId), AnnotationView.class);
    }

    private static ApiException noVersion(String documentId, int version) {
        return ApiException.notFound("Document '" + documentId + "' has no version " + version + ".");
    }

    /** A 404: the annotation a path names does not exist. */
    static ApiException noAnnotation(String annotationId) {
        return ApiException.notFound("No annotation with id '" + annotationId + "'.");
    }

    /** A 400: a request body names an annotation (at {@code pointer}) that does not exist. */
    static ApiException unknownAnnotation(String pointer, String annotationId) {
        return ApiException.invalid(pointer, "there is no annotation with id '" + annotationId + "'");
    }

    private static String versionLocation(String documentId, int version) {
        return "/api/documents/" + documentId + "/versions/" + version;
    }
}
