package org.opennessledger.interop.osai;

import java.util.List;
import java.util.Map;
import org.opennessledger.assessments.frameworks.OsaiIndex;

/**
 * One model file of the OSAI index, as read: the model's name and organisation from its header
 * ({@code system:} in current files, {@code project:} in the oldest) with the end model's name
 * when given, the dimension list the file
 * follows, and each dimension's class, link and notes. Dimensions a file leaves out are absent.
 */
public record OsaiIndexFile(String header, String name, String link, String organisation, String endModel,
                            OsaiIndex dimensionList, Map<String, Dimension> dimensions, List<String> unknownKeys,
                            String type) {

    /** A file that names no model type ({@code system.type}). */
    public OsaiIndexFile(String header, String name, String link, String organisation, String endModel,
                         OsaiIndex dimensionList, Map<String, Dimension> dimensions, List<String> unknownKeys) {
        this(header, name, link, organisation, endModel, dimensionList, dimensions, unknownKeys, null);
    }

    /** {@code cls} is open, partial, closed, or "" (not applicable / not filled in). */
    public record Dimension(String cls, String link, String notes) {
    }

    /** Dimension id to class, as the scorer takes them. */
    public Map<String, String> classes() {
        Map<String, String> classes = new java.util.LinkedHashMap<>();
        dimensions.forEach((id, dimension) -> classes.put(id, dimension.cls()));
        return classes;
    }
}
