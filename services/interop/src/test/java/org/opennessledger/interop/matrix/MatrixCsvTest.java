package org.opennessledger.interop.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.opennessledger.contracts.views.AssessedComponentView;
import org.opennessledger.contracts.views.FrameworkScoresView;
import org.opennessledger.contracts.views.MatrixView;

class MatrixCsvTest {

    @Test
    void oneRowPerReleaseWithOpennessLicenceAndScoresAndFormulasDefused() throws Exception {
        FrameworkScoresView scores = new FrameworkScoresView(
                new FrameworkScoresView.OsaiIndex("osai-index-12", 1.0 / 12, Map.of(), Map.of()),
                new FrameworkScoresView.Osaid("osaid-1.0", false, Map.of()));
        MatrixView matrix = new MatrixView(List.of("final-weights", "model-card"), List.of(
                new MatrixView.Row("llama-3", "Llama 3, \"instruct\"", "8b", "=HYPERLINK(\"x\")", 2,
                        Map.of("final-weights", new AssessedComponentView("final-weights", "c1", "open",
                                "llama3.1-community", "release")), scores)));

        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(MatrixCsv.write(matrix))).getRecords();

        assertThat(records).hasSize(1);
        CSVRecord row = records.get(0);
        assertThat(row.get("model")).isEqualTo("Llama 3, \"instruct\"");
        assertThat(row.get("release")).isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(row.get("final-weights")).isEqualTo("open");
        assertThat(row.get("final-weights_licence")).isEqualTo("llama3.1-community");
        assertThat(row.get("model-card")).isEmpty();
        assertThat(row.get("osai_index_score")).isEqualTo("0.0833");
        assertThat(row.get("osaid_qualifies")).isEqualTo("false");
        assertThat(row.get("mof_class")).isEmpty();
    }
}
