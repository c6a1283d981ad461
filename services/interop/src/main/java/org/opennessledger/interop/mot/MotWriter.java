package org.opennessledger.interop.mot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opennessledger.assessments.frameworks.Mof;

/**
 * Writes a release in the Model Openness Tool's file layout, under MOF 1.0: the framework header, the
 * release with its links and licences, and the released components with their own licences. Keys
 * without a value are left out; what {@link MotReader} reads back is what was written.
 */
public final class MotWriter {

    private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .build());

    private MotWriter() {
    }

    public static String write(MotFile release) {
        Map<String, Object> entry = new LinkedHashMap<>();
        putIfPresent(entry, "name", release.name());
        putIfPresent(entry, "version", release.version());
        putIfPresent(entry, "date", release.date());
        putIfPresent(entry, "type", release.type());
        putIfPresent(entry, "origin", release.origin());
        putIfPresent(entry, "producer", release.producer());
        putIfPresent(entry, "repository", release.repository());
        putIfPresent(entry, "huggingface", release.huggingFace());
        Map<String, Object> licence = new LinkedHashMap<>();
        if (release.distributionLicence() != null) {
            licence.put("distribution", Map.of("name", release.distributionLicence()));
        }
        for (Mof.ContentType type : Mof.ContentType.values()) {
            String global = release.globalLicences().get(type);
            if (global != null) {
                licence.put(type.name().toLowerCase(Locale.ROOT), Map.of("name", global));
            }
        }
        entry.put("license", licence);
        List<Map<String, Object>> components = new ArrayList<>();
        for (MotFile.ReleasedComponent component : release.components()) {
            Map<String, Object> listed = new LinkedHashMap<>();
            listed.put("name", component.component().motName());
            putIfPresent(listed, "license", component.licence());
            components.add(listed);
        }
        entry.put("components", components);
        Map<String, Object> root = new LinkedHashMap<>();
        // The framework the file is written under: MOF 1.0, named and dated as the tool records it.
        Map<String, Object> framework = new LinkedHashMap<>();
        framework.put("name", "Model Openness Framework");
        framework.put("version", "1.0");
        framework.put("date", "2024-12-15");
        root.put("framework", framework);
        root.put("release", entry);
        try {
            return YAML.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void putIfPresent(Map<String, Object> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
