package org.opennessledger.interop;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.Optional;

/** YAML text to a tree (with the line of the first syntax error when it is not YAML), and its scalars. */
public final class YamlTrees {

    private static final YAMLMapper YAML = new YAMLMapper();

    private YamlTrees() {
    }

    public static JsonNode read(String yaml) throws SourceFormatException {
        try {
            return YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new SourceFormatException(e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    "not valid YAML: " + e.getOriginalMessage());
        }
    }

    /** A scalar field's text, stripped; empty when the field is absent, null, a container or blank. */
    public static Optional<String> text(JsonNode parent, String field) {
        JsonNode node = parent == null ? null : parent.get(field);
        if (node == null || node.isNull() || node.isContainerNode()) {
            return Optional.empty();
        }
        String value = node.asText().strip();
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }
}
