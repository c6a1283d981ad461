package org.opennessledger.contracts.values;

import java.util.Arrays;
import java.util.Optional;

/**
 * The canonical catalogue of things a release may or may not open. Every framework maps its
 * criteria onto these ids, so the ids are stable: never rename one, only add.
 */
public enum ComponentId {
    MODEL_ARCHITECTURE_CODE("model-architecture-code", "Model architecture code", Kind.CODE),
    TRAINING_CODE("training-code", "Training code", Kind.CODE),
    INFERENCE_CODE("inference-code", "Inference code", Kind.CODE),
    EVALUATION_CODE("evaluation-code", "Evaluation code", Kind.CODE),
    DATA_PREPROCESSING_CODE("data-preprocessing-code", "Data pre-processing code", Kind.CODE),
    SUPPORTING_LIBRARIES("supporting-libraries", "Supporting libraries and tools", Kind.CODE),
    FINAL_WEIGHTS("final-weights", "Final model weights", Kind.PARAMETERS),
    INTERMEDIATE_CHECKPOINTS("intermediate-checkpoints", "Intermediate checkpoints", Kind.PARAMETERS),
    OPTIMIZER_STATE("optimizer-state", "Optimizer state and metadata", Kind.PARAMETERS),
    BASE_TRAINING_DATA("base-training-data", "Base-model training data", Kind.DATA),
    FINE_TUNING_DATA("fine-tuning-data", "Fine-tuning / RL data", Kind.DATA),
    EVALUATION_DATA("evaluation-data", "Evaluation data", Kind.DATA),
    DATA_CARD("data-card", "Data card / datasheet", Kind.DOCUMENTATION),
    MODEL_CARD("model-card", "Model card", Kind.DOCUMENTATION),
    TECHNICAL_REPORT("technical-report", "Technical report", Kind.DOCUMENTATION),
    PEER_REVIEWED_PAPER("peer-reviewed-paper", "Peer-reviewed paper", Kind.DOCUMENTATION),
    PREPRINT("preprint", "Preprint", Kind.DOCUMENTATION),
    EVALUATION_RESULTS("evaluation-results", "Evaluation results", Kind.DOCUMENTATION),
    SAMPLE_OUTPUTS("sample-outputs", "Sample model outputs", Kind.DOCUMENTATION),
    TRAINING_SETUP_DOCUMENTATION("training-setup-documentation", "Hardware / training-setup documentation", Kind.DOCUMENTATION),
    PACKAGE("package", "Installable package", Kind.ACCESS),
    API_ACCESS("api-access", "API access", Kind.ACCESS),
    LICENCE_TERMS("licence-terms", "Licence terms", Kind.LICENSING),
    // Added for the OSAI index, which scores the base model's weights apart from the end model's
    // and documents code apart from publishing it (ADR 0008).
    BASE_MODEL_WEIGHTS("base-model-weights", "Base-model weights", Kind.PARAMETERS),
    CODE_DOCUMENTATION("code-documentation", "Code documentation", Kind.DOCUMENTATION);

    /** Broad grouping, used for display and by framework mappings. */
    public enum Kind { CODE, PARAMETERS, DATA, DOCUMENTATION, ACCESS, LICENSING }

    private final String id;
    private final String label;
    private final Kind kind;

    ComponentId(String id, String label, Kind kind) {
        this.id = id;
        this.label = label;
        this.kind = kind;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public Kind kind() {
        return kind;
    }

    public static Optional<ComponentId> fromId(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst();
    }
}
