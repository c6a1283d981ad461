package org.opennessledger.contracts.values;

import java.util.Objects;

/**
 * What a claim is about: one component of one release, or of the whole model family when
 * {@code releaseId} is null (then it holds for every release without a claim of its own).
 */
public record ClaimTarget(String modelId, String releaseId, ComponentId component) {

    public ClaimTarget {
        Objects.requireNonNull(modelId, "modelId is required");
        Objects.requireNonNull(component, "component is required");
    }

    public static ClaimTarget family(String modelId, ComponentId component) {
        return new ClaimTarget(modelId, null, component);
    }

    public static ClaimTarget release(String modelId, String releaseId, ComponentId component) {
        return new ClaimTarget(modelId, Objects.requireNonNull(releaseId, "releaseId"), component);
    }

    public boolean familyWide() {
        return releaseId == null;
    }

    /** A stable string naming the target, e.g. "llama-3/llama-3.1-8b/final-weights" or "llama-3/*\/final-weights". */
    public String key() {
        return modelId + "/" + (releaseId == null ? "*" : releaseId) + "/" + component.id();
    }
}
