package org.opennessledger.interop.mot;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.opennessledger.assessments.frameworks.Mof;

/**
 * One release file of the Model Openness Tool: the release (with the model it derives from, when
 * given, and its repository and Hugging Face links, null when not given), its global licences
 * (distribution, and per content type: code, data, document; null when not given) and the components
 * it releases with their own licence when given.
 */
public record MotFile(String name, String version, String producer, String date, String origin, String repository,
                      String huggingFace, String distributionLicence, Map<Mof.ContentType, String> globalLicences,
                      List<ReleasedComponent> components, List<String> unknownComponents, String type) {

    /** A release file that names no model type ({@code release.type}). */
    public MotFile(String name, String version, String producer, String date, String origin, String repository,
                   String huggingFace, String distributionLicence, Map<Mof.ContentType, String> globalLicences,
                   List<ReleasedComponent> components, List<String> unknownComponents) {
        this(name, version, producer, date, origin, repository, huggingFace, distributionLicence, globalLicences,
                components, unknownComponents, null);
    }

    /** The release's links, repository first. */
    public List<String> links() {
        return Stream.of(repository, huggingFace).filter(Objects::nonNull).toList();
    }

    /** {@code licence}: null when the file gives the component none (the global ones apply), else as written ("" included). */
    public record ReleasedComponent(Mof.Component component, String licence) {
    }
}
