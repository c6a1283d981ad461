package org.opennessledger.gateway.api;

import io.vertx.core.Future;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.opennessledger.contracts.queries.Queries.GetAnnotation;
import org.opennessledger.contracts.queries.Queries.GetDocument;
import org.opennessledger.contracts.values.Evidence;
import org.opennessledger.contracts.views.AnnotationView;
import org.opennessledger.contracts.views.DocumentVersionSummaryView;
import org.opennessledger.contracts.views.DocumentView;
import org.opennessledger.gateway.bus.QueryRunner;
import org.opennessledger.gateway.http.ApiException;

/**
 * The evidence items of a request as contract evidence, for every write that carries evidence. An item is
 * either a source given in full, or an annotation of this ledger: then the annotation's document supplies the
 * URL, the version it lies in supplies the retrieval date and content hash, and its passage is the quote.
 */
final class EvidenceResolver {

    private final QueryRunner queries;

    EvidenceResolver(QueryRunner queries) {
        this.queries = queries;
    }

    /** Fails with a 400 naming the item ({@code /evidence/<index>}) that cannot be evidence; null means none. */
    Future<List<Evidence>> resolve(List<ApiRequests.EvidenceInput> inputs) {
        if (inputs == null) {
            return Future.succeededFuture(List.of());
        }
        List<Future<Evidence>> items = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            ApiRequests.EvidenceInput input = inputs.get(i);
            String pointer = "/evidence/" + i;
            items.add(input.annotationId() == null ? given(input, pointer) : fromAnnotation(input, pointer));
        }
        return Future.all(items).map(all -> all.<Evidence>list());
    }

    private static Future<Evidence> given(ApiRequests.EvidenceInput input, String pointer) {
        return contractEvidence(pointer, () -> new Evidence(input.url(), input.quote(), input.retrievedOn(),
                ApiRequests.blankToNull(input.contentHash())));
    }

    private Future<Evidence> fromAnnotation(ApiRequests.EvidenceInput input, String pointer) {
        if (input.url() != null || input.quote() != null || input.retrievedOn() != null
                || input.contentHash() != null) {
            return Future.failedFuture(ApiException.invalid(pointer, "give either an annotationId or a source"
                    + " (url, quote, retrievedOn, contentHash), not both: an annotation's document supplies its source"));
        }
        String annotationId = input.annotationId();
        return queries.optional(new GetAnnotation(annotationId), AnnotationView.class).compose(annotation -> {
            if (annotation.isEmpty()) {
                return Future.failedFuture(DocumentEndpoints.unknownAnnotation(pointer + "/annotationId", annotationId));
            }
            AnnotationView found = annotation.get();
            return queries.optional(new GetDocument(found.documentId()), DocumentView.class)
                    .compose(document -> {
                        DocumentVersionSummaryView version = document.flatMap(d -> d.versions().stream()
                                .filter(v -> v.version() == found.version()).findFirst()).orElse(null);
                        if (version == null) { // the read side shows an annotation only after its document
                            return Future.failedFuture(new IllegalStateException("annotation " + annotationId
                                    + " lies in version " + found.version() + " of " + found.documentId()
                                    + ", which the read models do not hold"));
                        }
                        return contractEvidence(pointer, () -> new Evidence(document.get().sourceUrl(),
                                found.anchor().quote().exact(), version.retrievedAt().atZone(ZoneOffset.UTC).toLocalDate(),
                                version.contentHash(), annotationId));
                    });
        });
    }

    private static Future<Evidence> contractEvidence(String pointer, Supplier<Evidence> evidence) {
        try {
            return Future.succeededFuture(evidence.get());
        } catch (IllegalArgumentException | NullPointerException e) {
            return Future.failedFuture(ApiException.invalid(pointer, e.getMessage()));
        }
    }
}
