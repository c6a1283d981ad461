package org.opennessledger.gateway.api;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.opennessledger.contracts.queries.Queries.GetClaim;
import org.opennessledger.contracts.queries.Queries.GetMatrix;
import org.opennessledger.contracts.views.ClaimView;
import org.opennessledger.contracts.views.MatrixView;
import org.opennessledger.contracts.views.ModelView;
import org.opennessledger.contracts.views.ReleaseView;
import org.opennessledger.gateway.bus.QueryRunner;
import org.opennessledger.gateway.http.ApiException;
import org.opennessledger.interop.annotations.EvidenceAnnotations;
import org.opennessledger.interop.bundle.ExportBundle;
import org.opennessledger.interop.bundle.ExportFormat;
import org.opennessledger.interop.matrix.MatrixCsv;
import org.opennessledger.interop.mot.MotExport;
import org.opennessledger.interop.mot.MotWriter;
import org.opennessledger.interop.osai.OsaiIndexExport;
import org.opennessledger.interop.osai.OsaiIndexWriter;

/**
 * Exports in the field's formats. One release or claim at a time is public (they carry only what
 * public reads show); the whole ledger at once is for admins, as a zip archive.
 */
final class ExportEndpoints {

    private static final String YAML = "application/yaml; charset=utf-8";

    private final QueryRunner queries;
    private final ModelEndpoints models;

    ExportEndpoints(QueryRunner queries, ModelEndpoints models) {
        this.queries = queries;
        this.models = models;
    }

    void register(Map<String, Handler<RoutingContext>> handlers) {
        handlers.put("exportOsaiIndex", this::exportOsaiIndex);
        handlers.put("exportMot", this::exportMot);
        handlers.put("exportClaimEvidence", this::exportClaimEvidence);
        handlers.put("exportMatrixCsv", ctx -> queries.one(new GetMatrix(), MatrixView.class)
                .onSuccess(matrix -> ctx.response()
                        .putHeader("Content-Type", "text/csv; charset=utf-8; header=present")
                        .putHeader("Content-Disposition", "attachment; filename=\"openness-matrix.csv\"")
                        .end(MatrixCsv.write(matrix)))
                .onFailure(ctx::fail));
        handlers.put("exportAll", this::exportAll);
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
        exportRelease(ctx, modelId, releaseId, "yaml",
                (model, release, claims) -> OsaiIndexWriter.write(OsaiIndexExport.of(model, release, claims)));
    }

    private void exportMot(RoutingContext ctx) {
        exportRelease(ctx, ctx.pathParam("modelId"), ctx.pathParam("releaseId"), "yml",
                (model, release, claims) -> MotWriter.write(MotExport.of(model, release, claims)));
    }

    @FunctionalInterface
    private interface ReleaseFile {
        String write(ModelView model, ReleaseView release, Map<String, ClaimView> claims);
    }

    /** One release as a YAML file; without {@code releaseId}, the family's first release. */
    private void exportRelease(RoutingContext ctx, String modelId, String releaseId, String extension,
                               ReleaseFile file) {
        models.model(modelId).compose(model -> {
            ReleaseView release = (releaseId == null ? model.releases().stream().findFirst()
                    : ModelEndpoints.release(model, releaseId)).orElseThrow(() -> releaseId == null
                    ? ApiException.notFound("Model family '" + modelId + "' has no release to export.")
                    : ModelEndpoints.noRelease(modelId, releaseId));
            return ctx.vertx().executeBlocking(() -> Map.entry(release.releaseId(), file.write(model, release,
                    ExportBundle.acceptedClaims(List.of(release), queries.blockingReader()))
                    .getBytes(StandardCharsets.UTF_8)), false);
        }).onSuccess(exported -> ctx.response()
                        .putHeader("Content-Type", YAML)
                        .putHeader("Content-Disposition", "attachment; filename=\"" + modelId + "__"
                                + exported.getKey() + "." + extension + "\"")
                        .end(Buffer.buffer(exported.getValue())))
                .onFailure(ctx::fail);
    }

    /** Every model family, with the accepted claims of its releases, in one format, zipped. */
    private void exportAll(RoutingContext ctx) {
        RoleChecks.requireAdmin(ctx, "Exporting the whole ledger");
        ExportFormat format = ExportFormat.fromId(ctx.pathParam("format")).orElseThrow(() ->
                ApiException.invalid("/format", "unknown export format"));
        ctx.vertx().executeBlocking(() -> zip(ExportBundle.files(format, queries.blockingReader())), false)
                .onSuccess(zip -> ctx.response()
                        .putHeader("Content-Type", "application/zip")
                        .putHeader("Content-Disposition", "attachment; filename=\"openness-ledger-"
                                + format.id() + ".zip\"")
                        .end(Buffer.buffer(zip)))
                .onFailure(ctx::fail);
    }

    private static byte[] zip(SortedMap<String, String> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
