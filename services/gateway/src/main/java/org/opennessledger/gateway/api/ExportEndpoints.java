package org.opennessledger.gateway.api;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.opennessledger.contracts.queries.Queries.GetClaim;
import org.opennessledger.contracts.queries.Queries.GetMatrix;
import org.opennessledger.contracts.views.AssessedComponentView;
import org.opennessledger.contracts.views.ClaimView;
import org.opennessledger.contracts.views.MatrixView;
import org.opennessledger.contracts.views.ReleaseView;
import org.opennessledger.gateway.bus.QueryRunner;
import org.opennessledger.gateway.http.ApiException;
import org.opennessledger.interop.annotations.EvidenceAnnotations;
import org.opennessledger.interop.matrix.MatrixCsv;
import org.opennessledger.interop.osai.OsaiIndexExport;
import org.opennessledger.interop.osai.OsaiIndexWriter;

/** Exports in the field's formats (public: they carry only what public reads show). */
final class ExportEndpoints {

    private final QueryRunner queries;
    private final ModelEndpoints models;

    ExportEndpoints(QueryRunner queries, ModelEndpoints models) {
        this.queries = queries;
        this.models = models;
    }

    void register(Map<String, Handler<RoutingContext>> handlers) {
        handlers.put("exportOsaiIndex", this::exportOsaiIndex);
        handlers.put("exportClaimEvidence", this::exportClaimEvidence);
        handlers.put("exportMatrixCsv", ctx -> queries.one(new GetMatrix(), MatrixView.class)
                .onSuccess(matrix -> ctx.response()
                        .putHeader("Content-Type", "text/csv; charset=utf-8; header=present")
                        .putHeader("Content-Disposition", "attachment; filename=\"openness-matrix.csv\"")
                        .end(MatrixCsv.write(matrix)))
                .onFailure(ctx::fail));
    }

    private void exportClaimEvidence(RoutingContext ctx) {
        String claimId = ctx.pathParam("claimId");
        // The claim is named by its path, not by a URL built from the request's Host header.
        String claimUrl = "/api/claims/" + claimId;
        queries.optional(new GetClaim(claimId), ClaimView.class)
                .map(claim -> claim.orElseThrow(() -> ClaimEndpoints.noClaim(claimId)))
                .onSuccess(claim -> ctx.response()
                        .putHeader("Content-Type", "application/ld+json; profile=\"http://www.w3.org/ns/anno.jsonld\"")
                        .end(Json.encode(EvidenceAnnotations.of(claim, claimUrl))))
                .onFailure(ctx::fail);
    }

    private void exportOsaiIndex(RoutingContext ctx) {
        String modelId = ctx.pathParam("modelId");
        String releaseId = ctx.queryParams().get("releaseId");
        models.model(modelId).compose(model -> {
            ReleaseView release = (releaseId == null ? model.releases().stream().findFirst()
                    : ModelEndpoints.release(model, releaseId)).orElseThrow(() -> releaseId == null
                    ? ApiException.notFound("Model family '" + modelId + "' has no release to export.")
                    : ModelEndpoints.noRelease(modelId, releaseId));
            Map<String, ClaimView> claims = new ConcurrentHashMap<>();
            List<Future<?>> reads = new ArrayList<>();
            for (AssessedComponentView component : release.components()) {
                reads.add(queries.optional(new GetClaim(component.claimId()), ClaimView.class)
                        .onSuccess(claim -> claim.ifPresent(c -> claims.put(c.claimId(), c))));
            }
            return Future.all(reads).map(done -> OsaiIndexWriter.write(OsaiIndexExport.of(model, release, claims)));
        }).onSuccess(yaml -> ctx.response()
                        .putHeader("Content-Type", "application/yaml; charset=utf-8")
                        .putHeader("Content-Disposition", "attachment; filename=\"" + modelId + ".yaml\"")
                        .end(yaml))
                .onFailure(ctx::fail);
    }
}
