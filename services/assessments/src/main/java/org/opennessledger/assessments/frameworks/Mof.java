package org.opennessledger.assessments.frameworks;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.opennessledger.contracts.values.ComponentId;

/**
 * The Model Openness Framework 1.0: 17 components, each of a content type and of the class that
 * first needs it (3 = Open Model, 2 = Open Tooling, 1 = Open Science; classes are cumulative), some
 * of them optional. Names are the Model Openness Tool's; each maps onto one ledger component.
 * (Facts of the framework; its texts are not reproduced.)
 */
public final class Mof {

    public static final String VERSION = "mof-1.0";

    public enum ContentType { CODE, DATA, DOCUMENT }

    public enum Component {
        MODEL_ARCHITECTURE("Model architecture", ComponentId.MODEL_ARCHITECTURE_CODE, ContentType.CODE, 3, true),
        FINAL_PARAMETERS("Model parameters (Final)", ComponentId.FINAL_WEIGHTS, ContentType.DATA, 3, true),
        TECHNICAL_REPORT("Technical report", ComponentId.TECHNICAL_REPORT, ContentType.DOCUMENT, 3, true),
        EVALUATION_RESULTS("Evaluation results", ComponentId.EVALUATION_RESULTS, ContentType.DOCUMENT, 3, true),
        MODEL_CARD("Model card", ComponentId.MODEL_CARD, ContentType.DOCUMENT, 3, true),
        DATA_CARD("Data card", ComponentId.DATA_CARD, ContentType.DOCUMENT, 3, true),
        SAMPLE_OUTPUTS("Sample model outputs", ComponentId.SAMPLE_OUTPUTS, ContentType.DOCUMENT, 3, false),
        TRAINING_CODE("Training code", ComponentId.TRAINING_CODE, ContentType.CODE, 2, true),
        INFERENCE_CODE("Inference code", ComponentId.INFERENCE_CODE, ContentType.CODE, 2, true),
        EVALUATION_CODE("Evaluation code", ComponentId.EVALUATION_CODE, ContentType.CODE, 2, true),
        EVALUATION_DATA("Evaluation data", ComponentId.EVALUATION_DATA, ContentType.DATA, 2, true),
        SUPPORTING_LIBRARIES("Supporting libraries and tools", ComponentId.SUPPORTING_LIBRARIES, ContentType.CODE, 2,
                false),
        DATASETS("Datasets", ComponentId.BASE_TRAINING_DATA, ContentType.DATA, 1, true),
        DATA_PREPROCESSING_CODE("Data preprocessing code", ComponentId.DATA_PREPROCESSING_CODE, ContentType.CODE, 1,
                true),
        INTERMEDIATE_PARAMETERS("Model parameters (Intermediate)", ComponentId.INTERMEDIATE_CHECKPOINTS,
                ContentType.DATA, 1, true),
        RESEARCH_PAPER("Research paper", ComponentId.PEER_REVIEWED_PAPER, ContentType.DOCUMENT, 1, true),
        MODEL_METADATA("Model metadata", ComponentId.OPTIMIZER_STATE, ContentType.DATA, 1, false);

        private final String motName;
        private final ComponentId component;
        private final ContentType contentType;
        private final int mofClass;
        private final boolean required;

        Component(String motName, ComponentId component, ContentType contentType, int mofClass, boolean required) {
            this.motName = motName;
            this.component = component;
            this.contentType = contentType;
            this.mofClass = mofClass;
            this.required = required;
        }

        public String motName() {
            return motName;
        }

        public ComponentId component() {
            return component;
        }

        public ContentType contentType() {
            return contentType;
        }

        /** 3, 2 or 1: the class that first needs this component. */
        public int mofClass() {
            return mofClass;
        }

        public boolean required() {
            return required;
        }

        public static Optional<Component> byMotName(String name) {
            return Arrays.stream(values()).filter(c -> c.motName.equalsIgnoreCase(name == null ? "" : name.strip()))
                    .findFirst();
        }

        /** The MOF component that a ledger component stands for, if MOF has one. */
        public static Optional<Component> byLedgerComponent(ComponentId id) {
            return Arrays.stream(values()).filter(c -> c.component == id).findFirst();
        }
    }

    private Mof() {
    }

    /** The components a class needs, with those of the classes below it (III ⊂ II ⊂ I). */
    public static List<Component> componentsOfClass(int mofClass) {
        return Arrays.stream(Component.values()).filter(c -> c.mofClass >= mofClass).toList();
    }
}
