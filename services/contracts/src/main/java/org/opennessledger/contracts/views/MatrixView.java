package org.opennessledger.contracts.views;

import java.util.List;
import java.util.Map;

/** The openness matrix: one row per release, one cell per component that has an accepted claim. */
public record MatrixView(List<String> components, List<Row> rows) {

    /** {@code producer} and {@code modelType} (a {@code ModelType} id, or null) are the family's, for filtering. */
    public record Row(String modelId, String modelName, String releaseId, String releaseName,
                      int assessmentVersion, Map<String, AssessedComponentView> cells, FrameworkScoresView scores,
                      String producer, String modelType) {

        /** A row whose family's producer and type are not given. */
        public Row(String modelId, String modelName, String releaseId, String releaseName, int assessmentVersion,
                   Map<String, AssessedComponentView> cells, FrameworkScoresView scores) {
            this(modelId, modelName, releaseId, releaseName, assessmentVersion, cells, scores, null, null);
        }

        /** A row without framework scores. */
        public Row(String modelId, String modelName, String releaseId, String releaseName, int assessmentVersion,
                   Map<String, AssessedComponentView> cells) {
            this(modelId, modelName, releaseId, releaseName, assessmentVersion, cells, null);
        }
    }
}
