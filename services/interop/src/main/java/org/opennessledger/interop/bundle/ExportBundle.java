package org.opennessledger.interop.bundle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.opennessledger.contracts.views.AssessedComponentView;
import org.opennessledger.contracts.views.ClaimView;
import org.opennessledger.contracts.views.MatrixView;
import org.opennessledger.contracts.views.ModelSummaryView;
import org.opennessledger.contracts.views.ModelView;
import org.opennessledger.contracts.views.ReleaseView;
import org.opennessledger.interop.annotations.EvidenceAnnotations;
import org.opennessledger.interop.json.ModelDocument;
import org.opennessledger.interop.matrix.MatrixCsv;
import org.opennessledger.interop.mot.MotExport;
import org.opennessledger.interop.mot.MotWriter;
import org.opennessledger.interop.osai.OsaiIndexExport;
import org.opennessledger.interop.osai.OsaiIndexWriter;

/**
 * The whole ledger in one format, as files by relative path: per release for the two indexes' formats
 * ({@code <modelId>__<releaseId>.yaml}/{@code .yml}: ids never contain "__"), per model family for JSON
 * and JSON-LD, one matrix for CSV; always with a NOTICE.md naming the sources of imported facts and
 * their licences. Each index's files import back into the ledger as the same facts.
 */
public final class ExportBundle {

    /** A model family with the accepted claims of its releases, by claim id. */
    public record ExportedModel(ModelView model, Map<String, ClaimView> claims) {
    }

    public static final String NOTICE = "NOTICE.md";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private ExportBundle() {
    }

    /** Every model family, with the accepted claims its releases' current assessments rest on, read now. */
    public static SortedMap<String, String> files(ExportFormat format, LedgerReader ledger) {
        List<ExportedModel> models = new ArrayList<>();
        for (ModelSummaryView summary : ledger.models()) {
            // a family registered after the list was read, or hidden meanwhile, is simply not there
            ledger.model(summary.modelId()).ifPresent(model -> models.add(new ExportedModel(model,
                    acceptedClaims(model.releases(), ledger))));
        }
        return files(format, models, format == ExportFormat.CSV ? ledger.matrix() : null);
    }

    /** The claims the releases' current assessments rest on, by id (a claim hidden since is left out). */
    public static Map<String, ClaimView> acceptedClaims(List<ReleaseView> releases, LedgerReader ledger) {
        Map<String, ClaimView> claims = new LinkedHashMap<>();
        releases.stream().flatMap(r -> r.components().stream()).map(AssessedComponentView::claimId)
                .distinct().forEach(id -> ledger.claim(id).ifPresent(claim -> claims.put(id, claim)));
        return claims;
    }

    public static SortedMap<String, String> files(ExportFormat format, List<ExportedModel> models, MatrixView matrix) {
        SortedMap<String, String> files = new TreeMap<>();
        switch (format) {
            case OSAI_INDEX -> eachRelease(models, (model, release) -> files.put(releaseFile(model, release, "yaml"),
                    OsaiIndexWriter.write(OsaiIndexExport.of(model.model(), release, model.claims()))));
            case MOT -> eachRelease(models, (model, release) -> files.put(releaseFile(model, release, "yml"),
                    MotWriter.write(MotExport.of(model.model(), release, model.claims()))));
            case JSON -> models.forEach(model -> files.put(model.model().modelId() + ".json",
                    json(ModelDocument.of(model.model(), model.claims()))));
            case JSONLD -> models.forEach(model -> files.put(model.model().modelId() + ".evidence.jsonld",
                    json(evidence(model))));
            case CSV -> files.put("matrix.csv", MatrixCsv.write(matrix));
        }
        files.put(NOTICE, notice(format, models));
        return files;
    }

    private interface ReleaseWriter {
        void write(ExportedModel model, ReleaseView release);
    }

    private static void eachRelease(List<ExportedModel> models, ReleaseWriter writer) {
        for (ExportedModel model : models) {
            for (ReleaseView release : model.model().releases()) {
                writer.write(model, release);
            }
        }
    }

    private static String releaseFile(ExportedModel model, ReleaseView release, String extension) {
        return model.model().modelId() + "__" + release.releaseId() + "." + extension;
    }

    private static Map<String, Object> evidence(ExportedModel model) {
        List<ClaimView> claims = model.claims().values().stream()
                .sorted(Comparator.comparing(ClaimView::component).thenComparing(ClaimView::claimId)).toList();
        String modelId = model.model().modelId();
        return EvidenceAnnotations.collection("urn:openness-ledger:model:" + modelId + ":evidence",
                "Evidence for the accepted claims on " + model.model().name(), claims,
                claim -> "/api/claims/" + claim.claimId());
    }

    private static String json(Object document) {
        try {
            return JSON.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Who the exported facts come from: the sources of imported claims are credited under their licences. */
    private static String notice(ExportFormat format, List<ExportedModel> models) {
        Map<String, Long> bySource = new LinkedHashMap<>();
        models.forEach(model -> model.claims().values().forEach(claim -> bySource.merge(source(claim), 1L, Long::sum)));
        StringBuilder notice = new StringBuilder("# Openness Ledger export (").append(format.id()).append(")\n\n")
                .append(models.size()).append(" model families. The accepted claims behind it come from:\n\n");
        bySource.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> notice.append("- ")
                .append(entry.getKey()).append(": ").append(entry.getValue()).append(" claims\n"));
        notice.append('\n');
        if (bySource.containsKey(OSAI_SOURCE)) {
            notice.append("Facts imported from the European Open Source AI Index (osai-index.eu) are licensed under\n"
                    + "CC-BY 4.0; credit: European Open Source AI Index, database snapshot DOI\n"
                    + "10.5281/zenodo.15386042; Liesenfeld and Dingemanse (2024), FAccT 2024.\n\n");
        }
        if (bySource.containsKey(MOT_SOURCE)) {
            notice.append("Facts imported from the Model Openness Tool are used under the MIT licence,\n"
                    + "Copyright 2024 The Model Openness Tool Authors.\n\n");
        }
        return notice.toString();
    }

    private static final String OSAI_SOURCE = "the European Open Source AI Index (import)";
    private static final String MOT_SOURCE = "the Model Openness Tool (import)";

    private static String source(ClaimView claim) {
        String policy = claim.policyVersion() == null ? "" : claim.policyVersion();
        if (policy.startsWith("import:osai-index")) {
            return OSAI_SOURCE;
        }
        if (policy.startsWith("import:mot")) {
            return MOT_SOURCE;
        }
        return "the ledger's reviewers (community consensus)";
    }
}
