package org.opennessledger.interop.osai;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opennessledger.assessments.frameworks.OsaiIndex;
import org.opennessledger.interop.SourceFormatException;
import org.opennessledger.interop.YamlTrees;

/**
 * Reads OSAI index model files of the current (12 dimensions) and the previous (14 dimensions)
 * layout, and of the earlier layouts whose keys were renamed since ({@link #RENAMED}). Refuses,
 * with the line and the reason, what is not YAML, has no header, or gives a dimension a class the
 * index does not know; keys it does not know are listed, not fatal.
 */
public final class OsaiIndexReader {

    private static final Set<String> HEADERS = Set.of("system", "project");
    private static final Set<String> OTHER_KNOWN_KEYS = Set.of("org");
    private static final Set<String> CLASSES = Set.of("open", "partial", "closed", "");
    /**
     * Dimension keys of earlier layouts, by the key that replaced them: the first files (header
     * project:) named them after LLM and RL data and weights; October 2024 had one datasources and
     * one weights dimension before splitting them into base and end model; March 2025 renamed
     * architecture to hardware_architecture.
     */
    static final Map<String, String> RENAMED = Map.of(
            "opencode", "trainingcode",
            "llmdata", "datasources_basemodel",
            "llmweights", "weights_basemodel",
            "rldata", "datasources_endmodel",
            "rlweights", "weights_endmodel",
            "license", "licenses",
            "architecture", "hardware_architecture",
            "datasources", "datasources_basemodel",
            "weights", "weights_basemodel");

    private OsaiIndexReader() {
    }

    public static OsaiIndexFile read(String yaml) throws SourceFormatException {
        JsonNode root = YamlTrees.read(yaml);
        if (root == null || !root.isObject()) {
            throw new SourceFormatException(0, "not a model file: expected a mapping with a system: header");
        }
        String header = HEADERS.stream().filter(root::has).findFirst().orElseThrow(() ->
                new SourceFormatException(0, "no header: a model file starts with system: (or project: in old files)"));
        JsonNode head = root.get(header);
        String name = text(head, "name");
        if (name == null) {
            throw new SourceFormatException(lineOf(yaml, header), header + ".name is required");
        }
        OsaiIndex list = root.has("package") || root.has("api") ? OsaiIndex.LEGACY_14 : OsaiIndex.CURRENT_12;
        Map<String, OsaiIndexFile.Dimension> dimensions = new LinkedHashMap<>();
        for (String dimension : list.dimensions()) {
            JsonNode node = root.get(dimension);
            if (node == null) {
                String older = RENAMED.entrySet().stream().filter(e -> e.getValue().equals(dimension) && root.has(e.getKey()))
                        .map(Map.Entry::getKey).findFirst().orElse(null);
                node = older == null ? null : root.get(older);
            }
            if (node == null || node.isNull()) {
                continue;
            }
            String cls = text(node, "class");
            cls = cls == null ? "" : cls.toLowerCase(Locale.ROOT);
            if (!CLASSES.contains(cls)) {
                throw new SourceFormatException(lineOf(yaml, dimension), dimension + ".class is '" + text(node, "class")
                        + "'; the index knows open, partial and closed (or empty)");
            }
            dimensions.put(dimension, new OsaiIndexFile.Dimension(cls, text(node, "link"), text(node, "notes")));
        }
        List<String> unknown = new ArrayList<>();
        root.fieldNames().forEachRemaining(key -> {
            if (!HEADERS.contains(key) && !OTHER_KNOWN_KEYS.contains(key) && !list.dimensions().contains(key)
                    && !RENAMED.containsKey(key)) {
                unknown.add(key);
            }
        });
        return new OsaiIndexFile(header, name, text(head, "link"), text(root.get("org"), "name"),
                text(head, "endmodelname"), list,
                java.util.Collections.unmodifiableMap(dimensions), List.copyOf(unknown), text(head, "type"));
    }

    private static String text(JsonNode parent, String field) {
        return YamlTrees.text(parent, field).orElse(null);
    }

    /** The 1-based line of a top-level key, for messages (0 when not found). */
    private static int lineOf(String yaml, String key) {
        Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(key) + "\\s*:").matcher(yaml);
        if (!matcher.find()) {
            return 0;
        }
        int line = 1;
        for (int i = 0; i < matcher.start(); i++) {
            if (yaml.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
