package org.opennessledger.assessments.frameworks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opennessledger.contracts.values.ComponentId;
import org.opennessledger.contracts.values.Openness;

/**
 * The OSI Open Source AI Definition 1.0: a system qualifies when its data information, its code
 * and its parameters are all available under open terms. Each element is mapped onto ledger
 * components (ADR 0008); an element is met when each of its components is OPEN or does not apply
 * to the release (NOT_APPLICABLE), and for data information one of the technical report, the
 * paper or the preprint documents the training.
 */
public final class Osaid {

    public static final String VERSION = "osaid-1.0";

    /** The definition's three required elements, with the components each needs. */
    public enum Element {
        DATA_INFORMATION("data-information", List.of(ComponentId.DATA_CARD)),
        CODE("code", List.of(ComponentId.DATA_PREPROCESSING_CODE, ComponentId.TRAINING_CODE,
                ComponentId.EVALUATION_CODE, ComponentId.INFERENCE_CODE, ComponentId.SUPPORTING_LIBRARIES,
                ComponentId.MODEL_ARCHITECTURE_CODE)),
        PARAMETERS("parameters", List.of(ComponentId.FINAL_WEIGHTS));

        private final String id;
        private final List<ComponentId> components;

        Element(String id, List<ComponentId> components) {
            this.id = id;
            this.components = components;
        }

        public String id() {
            return id;
        }

        public List<ComponentId> components() {
            return components;
        }
    }

    /** Documents of the training methods: any one of them satisfies data information's write-up. */
    public static final List<ComponentId> TRAINING_WRITE_UPS =
            List.of(ComponentId.TECHNICAL_REPORT, ComponentId.PEER_REVIEWED_PAPER, ComponentId.PREPRINT);

    /** {@code failing}: element id to what is missing for it (component ids), in definition order. */
    public record Result(String version, boolean qualifies, Map<String, List<String>> failing) {
    }

    private Osaid() {
    }

    public static Result evaluate(Map<ComponentId, Openness> assessed) {
        Map<String, List<String>> failing = new LinkedHashMap<>();
        for (Element element : Element.values()) {
            List<String> missing = new ArrayList<>();
            for (ComponentId component : element.components()) {
                if (!met(assessed.get(component))) {
                    missing.add(component.id());
                }
            }
            if (element == Element.DATA_INFORMATION
                    && TRAINING_WRITE_UPS.stream().noneMatch(c -> assessed.get(c) == Openness.OPEN)) {
                missing.add(String.join("|", TRAINING_WRITE_UPS.stream().map(ComponentId::id).toList()));
            }
            if (!missing.isEmpty()) {
                failing.put(element.id(), List.copyOf(missing));
            }
        }
        return new Result(VERSION, failing.isEmpty(), java.util.Collections.unmodifiableMap(failing));
    }

    private static boolean met(Openness openness) {
        return openness == Openness.OPEN || openness == Openness.NOT_APPLICABLE;
    }
}
