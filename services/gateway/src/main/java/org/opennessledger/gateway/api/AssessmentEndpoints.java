package org.opennessledger.gateway.api;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.opennessledger.contracts.queries.Queries.GetAssessmentVersion;
import org.opennessledger.contracts.queries.Queries.DiffAssessmentVersions;
import org.opennessledger.contracts.queries.Queries.DiffMatrix;
import org.opennessledger.contracts.queries.Queries.GetMatrix;
import org.opennessledger.contracts.queries.Queries.GetMatrixAsOf;
import org.opennessledger.contracts.queries.Queries.ListAssessmentVersions;
import org.opennessledger.contracts.queries.Queries.ListFrameworks;
import org.opennessledger.contracts.views.AssessmentChangesView;
import org.opennessledger.contracts.views.AssessmentVersionView;
import org.opennessledger.contracts.views.FrameworkView;
import org.opennessledger.contracts.views.MatrixChangesView;
import org.opennessledger.contracts.views.MatrixView;
import org.opennessledger.gateway.bus.QueryRunner;
import org.opennessledger.gateway.http.ApiException;
import org.opennessledger.gateway.http.JsonBodies;

/** The matrix, assessment versions and history: reads only. */
final class AssessmentEndpoints {

    private final QueryRunner queries;
    private final ModelEndpoints models;

    AssessmentEndpoints(QueryRunner queries, ModelEndpoints models) {
        this.queries = queries;
        this.models = models;
    }

    void register(Map<String, Handler<RoutingContext>> handlers) {
        handlers.put("getMatrix", this::getMatrix);
        handlers.put("diffMatrix", this::diffMatrix);
        handlers.put("diffAssessmentVersions", this::diffAssessmentVersions);
        handlers.put("listFrameworks", ctx -> queries.list(new ListFrameworks(), FrameworkView.class)
                .onSuccess(frameworks -> JsonBodies.respond(ctx, 200, frameworks))
                .onFailure(ctx::fail));
        handlers.put("listAssessmentVersions", this::listAssessmentVersions);
        handlers.put("getAssessmentVersion", this::getAssessmentVersion);
    }

    private void getMatrix(RoutingContext ctx) {
        Optional<Instant> asOf = Instants.parameter(ctx, "asOf");
        queries.one(asOf.<Object>map(GetMatrixAsOf::new).orElseGet(GetMatrix::new), MatrixView.class)
                .onSuccess(matrix -> JsonBodies.respond(ctx, 200, matrix))
                .onFailure(ctx::fail);
    }

    private void diffMatrix(RoutingContext ctx) {
        Instant from = Instants.required(ctx, "from");
        Instant to = Instants.required(ctx, "to");
        if (from.isAfter(to)) {
            throw ApiException.invalid("from", "is after to (" + from + " > " + to + ")");
        }
        queries.one(new DiffMatrix(from, to), MatrixChangesView.class)
                .onSuccess(changes -> JsonBodies.respond(ctx, 200, changes))
                .onFailure(ctx::fail);
    }

    private void diffAssessmentVersions(RoutingContext ctx) {
        String modelId = ctx.pathParam("modelId");
        String releaseId = ctx.pathParam("releaseId");
        int from = Integer.parseInt(ctx.queryParams().get("from"));
        int to = Integer.parseInt(ctx.queryParams().get("to"));
        if (from > to) {
            throw ApiException.invalid("from", "is after to (" + from + " > " + to + ")");
        }
        releaseExists(modelId, releaseId)
                .compose(exists -> queries.optional(new DiffAssessmentVersions(modelId, releaseId, from, to),
                        AssessmentChangesView.class))
                .map(found -> found.orElseThrow(() -> ApiException.notFound("Release '" + releaseId
                        + "' of model family '" + modelId + "' has no assessment version " + to + ".")))
                .onSuccess(changes -> JsonBodies.respond(ctx, 200, changes))
                .onFailure(ctx::fail);
    }

    private void listAssessmentVersions(RoutingContext ctx) {
        String modelId = ctx.pathParam("modelId");
        String releaseId = ctx.pathParam("releaseId");
        // The query answers [] for an unknown release too; the API says 404 for it.
        releaseExists(modelId, releaseId)
                .compose(exists -> queries.list(new ListAssessmentVersions(modelId, releaseId), AssessmentVersionView.class))
                .onSuccess(versions -> JsonBodies.respond(ctx, 200, versions))
                .onFailure(ctx::fail);
    }

    private void getAssessmentVersion(RoutingContext ctx) {
        String modelId = ctx.pathParam("modelId");
        String releaseId = ctx.pathParam("releaseId");
        int version = Integer.parseInt(ctx.pathParam("version"));
        queries.optional(new GetAssessmentVersion(modelId, releaseId, version), AssessmentVersionView.class)
                .map(found -> found.orElseThrow(() -> ApiException.notFound("Release '" + releaseId
                        + "' of model family '" + modelId + "' has no assessment version " + version + ".")))
                .onSuccess(found -> JsonBodies.respond(ctx, 200, found))
                .onFailure(ctx::fail);
    }

    private Future<Void> releaseExists(String modelId, String releaseId) {
        return models.model(modelId).map(model -> {
            ModelEndpoints.release(model, releaseId).orElseThrow(() -> ModelEndpoints.noRelease(modelId, releaseId));
            return null;
        });
    }
}
