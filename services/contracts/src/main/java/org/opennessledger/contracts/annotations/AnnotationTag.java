package org.opennessledger.contracts.annotations;

import java.util.Arrays;
import java.util.Optional;

/**
 * What an annotated passage does to a model's openness: the annotation taxonomy, version
 * {@value #TAXONOMY_VERSION}. Raise the version when a tag is added or its meaning changes; every
 * annotation records the version it was tagged under.
 */
public enum AnnotationTag {
    USE_SCOPE_RESTRICTION("use-scope-restriction"),
    USER_TYPE_THRESHOLD("user-type-threshold"),
    COMMERCIAL_LIMIT("commercial-limit"),
    REDISTRIBUTION_DUTY("redistribution-duty"),
    ATTRIBUTION_NAMING_DUTY("attribution-naming-duty"),
    ACCEPTABLE_USE_POLICY("acceptable-use-policy"),
    DATA_DISCLOSURE_STATEMENT("data-disclosure-statement"),
    WEIGHTS_ACCESS_CONDITION("weights-access-condition"),
    OTHER("other");

    public static final String TAXONOMY_VERSION = "1";

    private final String id;

    AnnotationTag(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<AnnotationTag> byId(String id) {
        return Arrays.stream(values()).filter(tag -> tag.id.equals(id)).findFirst();
    }
}
