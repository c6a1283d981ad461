package org.opennessledger.gateway.api;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.opennessledger.contracts.models.LiftModelProtection;
import org.opennessledger.contracts.models.ProtectModel;
import org.opennessledger.contracts.models.RegisterModelFamily;
import org.opennessledger.contracts.models.StateModelType;
import org.opennessledger.contracts.values.ModelType;
import org.opennessledger.contracts.models.RegisterRelease;
import org.opennessledger.contracts.queries.Queries.GetModel;
import org.opennessledger.contracts.queries.Queries.GetModelAsOf;
import org.opennessledger.contracts.queries.Queries.ListModels;
import org.opennessledger.contracts.views.ModelSummaryView;
import org.opennessledger.contracts.views.ModelView;
import org.opennessledger.contracts.views.ReleaseView;
import org.opennessledger.gateway.bus.QueryRunner;
import org.opennessledger.gateway.http.ApiException;
import org.opennessledger.gateway.http.JsonBodies;
import org.opennessledger.interop.Slugs;

/** Model families and releases. */
final class ModelEndpoints {

    private final QueryRunner queries;
    private final WriteFlow writes;

    ModelEndpoints(QueryRunner queries, WriteFlow writes) {
        this.queries = queries;
        this.writes = writes;
    }

    void register(Map<String, Handler<RoutingContext>> handlers) {
        handlers.put("listModels", this::listModels);
        handlers.put("registerModel", this::registerModel);
        handlers.put("getModel", this::getModel);
        handlers.put("registerRelease", this::registerRelease);
        handlers.put("getRelease", this::getRelease);
        handlers.put("getModelProtection", this::getModelProtection);
        handlers.put("setModelProtection", this::setModelProtection);
        handlers.put("setModelType", this::setModelType);
    }

    /** The schema already limits the type to the known ids; this turns the id into the domain's value. */
    private static ModelType modelType(String id) {
        return ModelType.fromId(id).orElseThrow(() -> ApiException.invalid("/modelType", "is not a known model type"));
    }

    private void setModelType(RoutingContext ctx) {
        ApiRequests.SetModelType body = JsonBodies.read(ctx, ApiRequests.SetModelType.class);
        String modelId = ctx.pathParam("modelId");
        StateModelType command = new StateModelType(modelId, modelType(body.modelType()), false);
        writes.send(ctx, command, ApiRequests.reasonOr(body.reason(), "Stated the type of model family " + modelId))
                .onSuccess(done -> writes.answer(ctx, 200, "/api/models/" + modelId,
                        () -> queries.optional(new GetModel(modelId), ModelView.class)))
                .onFailure(ctx::fail);
    }

    private void getModelProtection(RoutingContext ctx) {
        model(ctx.pathParam("modelId"))
                .onSuccess(model -> JsonBodies.respond(ctx, 200, ModelProtectionState.of(model)))
                .onFailure(ctx::fail);
    }

    private void setModelProtection(RoutingContext ctx) {
        ApiRequests.SetModelProtection body = JsonBodies.read(ctx, ApiRequests.SetModelProtection.class);
        boolean protect = Boolean.TRUE.equals(body.protect());
        RoleChecks.requireModerator(ctx, protect ? "Protecting a model" : "Lifting a model's protection");
        String modelId = ctx.pathParam("modelId");
        String reason = body.reason().strip();
        Object command = protect ? new ProtectModel(modelId, reason) : new LiftModelProtection(modelId, reason);
        writes.send(ctx, command, (protect ? "Protected model " : "Lifted the protection of model ") + modelId)
                .onSuccess(done -> writes.answer(ctx, 200, "/api/models/" + modelId + "/protection",
                        () -> queries.optional(new GetModel(modelId), ModelView.class)
                                .map(model -> model.map(ModelProtectionState::of))))
                .onFailure(ctx::fail);
    }

    private void listModels(RoutingContext ctx) {
        queries.list(new ListModels(), ModelSummaryView.class)
                .onSuccess(models -> JsonBodies.respond(ctx, 200, models))
                .onFailure(ctx::fail);
    }

    private void getModel(RoutingContext ctx) {
        String modelId = ctx.pathParam("modelId");
        modelAsRequested(ctx, modelId, RoleChecks.isModerator(ctx))
                .onSuccess(model -> JsonBodies.respond(ctx, 200, model))
                .onFailure(ctx::fail);
    }

    /** The family now, or as of the request's {@code asOf}: 404 when it does not exist, or did not yet then. */
    private Future<ModelView> modelAsRequested(RoutingContext ctx, String modelId, boolean includeHidden) {
        Optional<Instant> asOf = Instants.parameter(ctx, "asOf");
        Future<ModelView> now = queries.optional(new GetModel(modelId, includeHidden), ModelView.class)
                .map(model -> model.orElseThrow(() -> noModel(modelId)));
        return asOf.isEmpty() ? now : now.compose(exists -> queries.optional(
                        new GetModelAsOf(modelId, asOf.get(), includeHidden), ModelView.class)
                .map(then -> then.orElseThrow(() -> Instants.notYet("Model family '" + modelId + "'", asOf.get()))));
    }

    private void registerModel(RoutingContext ctx) {
        ApiRequests.RegisterModel body = JsonBodies.read(ctx, ApiRequests.RegisterModel.class);
        String modelId = body.modelId() != null ? body.modelId() : Slugs.fromName(body.name()).orElseThrow(() ->
                ApiException.invalid("/modelId", "no id can be derived from the name; give a modelId"));
        ModelType type = body.modelType() == null ? null : modelType(body.modelType());
        RegisterModelFamily command = new RegisterModelFamily(modelId, body.name().strip(), body.producer().strip(),
                ApiRequests.blankToNull(body.description()), type);
        writes.send(ctx, command, ApiRequests.reasonOr(body.reason(), "Registered model family " + modelId))
                .onSuccess(done -> writes.answer(ctx, 201, "/api/models/" + modelId,
                        () -> queries.optional(new GetModel(modelId), ModelView.class)))
                .onFailure(ctx::fail);
    }

    private void registerRelease(RoutingContext ctx) {
        String modelId = ctx.pathParam("modelId");
        ApiRequests.RegisterRelease body = JsonBodies.read(ctx, ApiRequests.RegisterRelease.class);
        String releaseId = body.releaseId() != null ? body.releaseId() : Slugs.fromName(body.name()).orElseThrow(() ->
                ApiException.invalid("/releaseId", "no id can be derived from the name; give a releaseId"));
        RegisterRelease command = new RegisterRelease(modelId, releaseId, body.name().strip(),
                ApiRequests.blankToNull(body.version()), body.releaseDate(), ApiRequests.blankToNull(body.baseModel()),
                body.links());
        writes.send(ctx, command, ApiRequests.reasonOr(body.reason(),
                        "Registered release " + releaseId + " of model family " + modelId))
                .onSuccess(done -> writes.answer(ctx, 201, "/api/models/" + modelId + "/releases/" + releaseId,
                        () -> queries.optional(new GetModel(modelId), ModelView.class)
                                .map(model -> model.flatMap(m -> release(m, releaseId)))))
                .onFailure(ctx::fail);
    }

    private void getRelease(RoutingContext ctx) {
        String modelId = ctx.pathParam("modelId");
        String releaseId = ctx.pathParam("releaseId");
        Optional<Instant> asOf = Instants.parameter(ctx, "asOf");
        model(modelId)
                .map(model -> release(model, releaseId).orElseThrow(() -> noRelease(modelId, releaseId)))
                .compose(exists -> asOf.isEmpty() ? Future.succeededFuture(exists)
                        : modelAsRequested(ctx, modelId, false).map(then -> release(then, releaseId).orElseThrow(() ->
                                Instants.notYet("Release '" + releaseId + "' of model family '" + modelId + "'",
                                        asOf.get()))))
                .onSuccess(release -> JsonBodies.respond(ctx, 200, release))
                .onFailure(ctx::fail);
    }

    /** The model family, or a failed future with a 404 that names it. */
    Future<ModelView> model(String modelId) {
        return queries.optional(new GetModel(modelId), ModelView.class)
                .map(model -> model.orElseThrow(() -> noModel(modelId)));
    }

    static Optional<ReleaseView> release(ModelView model, String releaseId) {
        return model.releases() == null ? Optional.empty()
                : model.releases().stream().filter(r -> releaseId.equals(r.releaseId())).findFirst();
    }

    static ApiException noModel(String modelId) {
        return ApiException.notFound("There is no model family with id '" + modelId + "'.");
    }

    static ApiException noRelease(String modelId, String releaseId) {
        return ApiException.notFound("Model family '" + modelId + "' has no release with id '" + releaseId + "'.");
    }
}
