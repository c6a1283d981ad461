package org.opennessledger.gateway.api;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opennessledger.contracts.models.ImportClaim;
import org.opennessledger.contracts.models.StateModelType;
import org.opennessledger.contracts.values.LedgerMetaData;
import org.opennessledger.gateway.http.ApiException;
import org.opennessledger.gateway.http.JsonBodies;
import org.opennessledger.gateway.http.ProblemType;
import org.opennessledger.interop.ImportPlan;
import org.opennessledger.interop.PlanChecks;
import org.opennessledger.interop.SourceFormatException;
import org.opennessledger.interop.mot.MotImport;
import org.opennessledger.interop.mot.MotReader;
import org.opennessledger.interop.osai.OsaiIndexImport;
import org.opennessledger.interop.osai.OsaiIndexReader;

/**
 * Imports through commands (admins): every imported fact gets its history and its actor. Each file
 * is reported on its own: a file that cannot be read changes nothing and the others still import.
 */
final class ImportEndpoints {

    private final WriteFlow writes;

    ImportEndpoints(WriteFlow writes) {
        this.writes = writes;
    }

    /** Reads one file of a format and plans its commands. */
    @FunctionalInterface
    private interface Planner {
        ImportPlan plan(String content, String source, LocalDate retrievedOn) throws SourceFormatException;
    }

    private static final Planner OSAI_INDEX = (content, source, date) ->
            OsaiIndexImport.plan(OsaiIndexReader.read(content), source, date);
    private static final Planner MOT = (content, source, date) ->
            MotImport.plan(MotReader.read(content), content, source, date);

    void register(Map<String, Handler<RoutingContext>> handlers) {
        handlers.put("importOsaiIndex", ctx -> importFiles(ctx, OSAI_INDEX, "the OSAI index"));
        handlers.put("importMot", ctx -> importFiles(ctx, MOT, "the Model Openness Tool"));
    }

    private void importFiles(RoutingContext ctx, Planner planner, String from) {
        RoleChecks.requireAdmin(ctx, "Importing");
        ApiRequests.ImportFiles body = JsonBodies.read(ctx, ApiRequests.ImportFiles.class);
        LocalDate retrievedOn = body.retrievedOn() != null ? body.retrievedOn() : LocalDate.now();
        List<Map<String, Object>> reports = new ArrayList<>();
        Future<Void> chain = Future.succeededFuture();
        for (ApiRequests.ImportFile file : body.files()) {
            chain = chain.compose(ignored -> importFile(ctx, file, retrievedOn, planner, from).map(report -> {
                reports.add(report);
                return null;
            }));
        }
        chain.onSuccess(done -> writes.answer(ctx, 200, null,
                        () -> Future.succeededFuture(Optional.of(Map.of("files", reports)))))
                .onFailure(ctx::fail);
    }

    private Future<Map<String, Object>> importFile(RoutingContext ctx, ApiRequests.ImportFile file, LocalDate date,
                                                   Planner planner, String from) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("name", file.name());
        Map<String, Object> dated = Map.of();
        if (file.effectiveAt() != null) {
            Instant effectiveAt = file.effectiveAt().toInstant();
            if (effectiveAt.isAfter(Instant.now().plus(Duration.ofDays(1)))) {
                report.put("error", "effectiveAt " + file.effectiveAt() + " is in the future");
                return Future.succeededFuture(report);
            }
            dated = Map.of(LedgerMetaData.EFFECTIVE_AT, effectiveAt.toString());
            date = file.effectiveAt().toLocalDate();
        }
        Map<String, Object> metaData = dated;
        String source = file.source() != null && !file.source().isBlank() ? file.source() : file.name();
        ImportPlan plan;
        try {
            plan = PlanChecks.checked(planner.plan(file.content(), source, date));
        } catch (SourceFormatException | IllegalArgumentException e) {
            report.put("error", e.getMessage());
            return Future.succeededFuture(report);
        }
        report.put("modelId", plan.modelId());
        report.put("skipped", plan.skipped());
        String reason = "Imported " + source + " from " + from;
        Future<Void> chain = unlessThere(writes.send(ctx, plan.family(), reason, metaData))
                .compose(ignored -> statedType(ctx, plan, reason, metaData))
                .compose(ignored -> unlessThere(writes.send(ctx, plan.release(), reason, metaData)));
        for (ImportClaim claim : plan.claims()) {
            chain = chain.compose(ignored -> writes.send(ctx, claim, reason, metaData).mapEmpty());
        }
        return chain.map(done -> {
                    report.put("claims", plan.claims().size());
                    return report;
                })
                .recover(error -> {
                    report.put("error", error instanceof ApiException api ? api.detail() : String.valueOf(error));
                    return Future.succeededFuture(report);
                });
    }

    /** A family registered before it had a type (or by hand without one) gets the file's; a stated type stays. */
    private Future<Void> statedType(RoutingContext ctx, ImportPlan plan, String reason, Map<String, Object> metaData) {
        if (plan.family().modelType() == null) {
            return Future.succeededFuture();
        }
        return writes.send(ctx, new StateModelType(plan.modelId(), plan.family().modelType(), true), reason, metaData)
                .mapEmpty();
    }

    /** A family or release that exists from an earlier import (or was registered by hand) is fine: its claims still import. */
    private static Future<Void> unlessThere(Future<Object> registration) {
        return registration.<Void>mapEmpty().recover(error -> error instanceof ApiException api
                && api.type() == ProblemType.CONFLICT ? Future.succeededFuture() : Future.failedFuture(error));
    }
}
