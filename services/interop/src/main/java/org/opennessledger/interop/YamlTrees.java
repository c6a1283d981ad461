package org.opennessledger.interop;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** YAML text to a tree, with the line of the first syntax error when it is not YAML. */
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
}
