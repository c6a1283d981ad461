package org.opennessledger.interop.bundle;

import java.util.Arrays;
import java.util.Optional;

/** The formats the whole ledger can be exported in, by the name the API and the command line use. */
public enum ExportFormat {
    /** One OSAI index model file (YAML) per release. */
    OSAI_INDEX("osai-index"),
    /** One Model Openness Tool release file (YAML) per release. */
    MOT("mot"),
    /** One JSON document per model family: releases, assessments, scores and the accepted claims in full. */
    JSON("json"),
    /** The openness matrix as one CSV file. */
    CSV("csv"),
    /** One W3C Web Annotation collection (JSON-LD) per model family: the evidence of its accepted claims. */
    JSONLD("jsonld");

    private final String id;

    ExportFormat(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<ExportFormat> fromId(String id) {
        return Arrays.stream(values()).filter(f -> f.id.equals(id)).findFirst();
    }
}
