package org.opennessledger.interop.mot;

import static org.opennessledger.interop.YamlTrees.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.opennessledger.assessments.frameworks.Mof;
import org.opennessledger.interop.SourceFormatException;
import org.opennessledger.interop.YamlTrees;

/** Reads Model Openness Tool release files; refuses, with the line and the reason, what it cannot take. */
public final class MotReader {

    private MotReader() {
    }

    public static MotFile read(String yaml) throws SourceFormatException {
        JsonNode root = YamlTrees.read(yaml);
        JsonNode release = root == null ? null : root.get("release");
        if (release == null || !release.isObject()) {
            throw new SourceFormatException(0, "no release: a Model Openness Tool file describes one release");
        }
        String name = text(release, "name").orElseThrow(() -> new SourceFormatException(0, "release.name is required"));
        JsonNode licence = release.path("license");
        Map<Mof.ContentType, String> global = new EnumMap<>(Mof.ContentType.class);
        for (Mof.ContentType type : Mof.ContentType.values()) {
            text(licence.path(type.name().toLowerCase(Locale.ROOT)), "name").ifPresent(id -> global.put(type, id));
        }
        List<MotFile.ReleasedComponent> components = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (JsonNode entry : release.path("components")) {
            String componentName = text(entry, "name").orElse("");
            Optional<Mof.Component> component = Mof.Component.byMotName(componentName);
            if (component.isEmpty()) {
                unknown.add(componentName);
                continue;
            }
            // A licence key that is there, even empty, is final for the tool; an absent key falls back.
            JsonNode licenceNode = entry.get("license");
            String componentLicence = licenceNode == null || licenceNode.isNull() ? null
                    : licenceNode.isContainerNode() ? "" : licenceNode.asText().strip();
            components.add(new MotFile.ReleasedComponent(component.get(), componentLicence));
        }
        return new MotFile(name, text(release, "version").orElse(null), text(release, "producer").orElse(null),
                text(release, "date").orElse(null), text(release, "origin").orElse(null),
                text(release, "repository").orElse(null), text(release, "huggingface").orElse(null),
                text(licence.path("distribution"), "name").orElse(null),
                java.util.Collections.unmodifiableMap(global), List.copyOf(components), List.copyOf(unknown),
                text(release, "type").orElse(null));
    }
}
