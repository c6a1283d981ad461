package org.opennessledger.interop.osai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a model in the OSAI index's file layout (current 12 dimensions): the system header, the
 * organisation, then each dimension's class, link and notes in the index's order. What the reader
 * reads back from it is what was written.
 */
public final class OsaiIndexWriter {

    private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .build());

    private OsaiIndexWriter() {
    }

    public static String write(OsaiIndexFile model) {
        Map<String, Object> root = new LinkedHashMap<>();
        Map<String, Object> system = new LinkedHashMap<>();
        system.put("name", model.name());
        system.put("link", model.link());
        system.put("endmodelname", model.endModel());
        if (model.type() != null) {
            system.put("type", model.type());
        }
        root.put("system", system);
        Map<String, Object> org = new LinkedHashMap<>();
        org.put("name", model.organisation());
        root.put("org", org);
        for (String dimension : model.dimensionList().dimensions()) {
            OsaiIndexFile.Dimension value = model.dimensions().get(dimension);
            if (value == null) {
                continue;
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("class", value.cls().isEmpty() ? null : value.cls());
            entry.put("link", value.link());
            entry.put("notes", value.notes());
            root.put(dimension, entry);
        }
        try {
            return YAML.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
