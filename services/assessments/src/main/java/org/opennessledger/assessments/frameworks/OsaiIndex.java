package org.opennessledger.assessments.frameworks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opennessledger.contracts.values.ComponentId;
import org.opennessledger.contracts.values.Openness;

/**
 * The European Open Source AI Index's openness dimensions, grouped in categories, in the two
 * lists the index has used: the current one of 12 dimensions (since March 2026) and the previous
 * one of 14, which also had {@code package} and {@code api} under access. Dimension ids are the
 * index's own YAML keys. (Facts about the index; its texts are not reproduced here.)
 */
public enum OsaiIndex {

    CURRENT_12("osai-index-12", List.of("licenses")),
    LEGACY_14("osai-index-14", List.of("package", "api", "licenses"));

    /** What the two lists share: they differ only in the access category. */
    private static final class Shared {
        static final List<String> AVAILABILITY = List.of("datasources_basemodel", "datasources_endmodel",
                "weights_basemodel", "weights_endmodel", "trainingcode");
        static final List<String> DOCUMENTATION = List.of("code", "hardware_architecture", "preprint", "paper",
                "modelcard", "datasheet");
    }

    private final String version;
    private final Map<String, List<String>> categories;

    OsaiIndex(String version, List<String> access) {
        this.version = version;
        // in the order the index presents its categories
        Map<String, List<String>> ordered = new LinkedHashMap<>();
        ordered.put("availability", Shared.AVAILABILITY);
        ordered.put("documentation", Shared.DOCUMENTATION);
        ordered.put("access", access);
        this.categories = java.util.Collections.unmodifiableMap(ordered);
    }

    /** A stable id for this dimension list, recorded with every score computed from it. */
    public String version() {
        return version;
    }

    /** Category to its dimensions, in the index's order. */
    public Map<String, List<String>> categories() {
        return categories;
    }

    public List<String> dimensions() {
        List<String> all = new ArrayList<>();
        categories.values().forEach(all::addAll);
        return List.copyOf(all);
    }

    /** The ledger component each dimension reads (ADR 0008). */
    public static final Map<String, ComponentId> COMPONENTS = Map.ofEntries(
            Map.entry("datasources_basemodel", ComponentId.BASE_TRAINING_DATA),
            Map.entry("datasources_endmodel", ComponentId.FINE_TUNING_DATA),
            Map.entry("weights_basemodel", ComponentId.BASE_MODEL_WEIGHTS),
            Map.entry("weights_endmodel", ComponentId.FINAL_WEIGHTS),
            Map.entry("trainingcode", ComponentId.TRAINING_CODE),
            Map.entry("code", ComponentId.CODE_DOCUMENTATION),
            Map.entry("hardware_architecture", ComponentId.TRAINING_SETUP_DOCUMENTATION),
            Map.entry("preprint", ComponentId.PREPRINT),
            Map.entry("paper", ComponentId.PEER_REVIEWED_PAPER),
            Map.entry("modelcard", ComponentId.MODEL_CARD),
            Map.entry("datasheet", ComponentId.DATA_CARD),
            Map.entry("licenses", ComponentId.LICENCE_TERMS),
            Map.entry("package", ComponentId.PACKAGE),
            Map.entry("api", ComponentId.API_ACCESS));

    /**
     * The dimension classes an assessment implies: each dimension takes the openness of its
     * component's accepted claim; not-applicable, or no accepted claim, is no class.
     */
    public Map<String, String> classesOf(Map<ComponentId, Openness> assessed) {
        Map<String, String> classes = new LinkedHashMap<>();
        for (String dimension : dimensions()) {
            Openness openness = assessed.get(COMPONENTS.get(dimension));
            classes.put(dimension, openness == null || openness == Openness.NOT_APPLICABLE ? "" : openness.id());
        }
        return classes;
    }

    public static Optional<OsaiIndex> fromVersion(String version) {
        for (OsaiIndex list : values()) {
            if (list.version.equals(version)) {
                return Optional.of(list);
            }
        }
        return Optional.empty();
    }
}
