package org.opennessledger.interop.matrix;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.opennessledger.contracts.views.AssessedComponentView;
import org.opennessledger.contracts.views.FrameworkScoresView;
import org.opennessledger.contracts.views.MatrixView;

/**
 * The openness matrix as CSV (RFC 4180): one row per release; per component its openness (empty
 * without an accepted claim) and licence; then the OSAI index score and whether OSAID qualifies.
 * Cells are data: a leading =, +, - or @ is prefixed with an apostrophe so spreadsheets do not run
 * it as a formula.
 */
public final class MatrixCsv {

    private MatrixCsv() {
    }

    public static String write(MatrixView matrix) {
        List<String> header = new ArrayList<>(List.of("model_id", "model", "release_id", "release", "assessment_version"));
        for (String component : matrix.components()) {
            header.add(component);
            header.add(component + "_licence");
        }
        header.addAll(List.of("osai_index_score", "osaid_qualifies", "mof_class"));
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new))
                .get())) {
            for (MatrixView.Row row : matrix.rows()) {
                List<String> cells = new ArrayList<>(List.of(row.modelId(), row.modelName(), row.releaseId(),
                        row.releaseName(), String.valueOf(row.assessmentVersion())));
                for (String component : matrix.components()) {
                    AssessedComponentView cell = row.cells().get(component);
                    cells.add(cell == null ? "" : cell.openness());
                    cells.add(cell == null || cell.licence() == null ? "" : cell.licence());
                }
                FrameworkScoresView scores = row.scores();
                cells.add(scores == null ? "" : String.format(Locale.ROOT, "%.4f", scores.osaiIndex().score()));
                cells.add(scores == null ? "" : String.valueOf(scores.osaid().qualifies()));
                cells.add(scores == null || scores.mof() == null ? "" : String.valueOf(scores.mof().classReached()));
                csv.printRecord(cells.stream().map(MatrixCsv::inert).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String inert(String cell) {
        return cell != null && !cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }
}
