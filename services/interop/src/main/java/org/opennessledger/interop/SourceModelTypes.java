package org.opennessledger.interop;

import java.util.Locale;
import java.util.Optional;
import org.opennessledger.contracts.values.ModelType;

/** The model types the imported indexes write, in the ledger's terms, and back. */
public final class SourceModelTypes {

    private SourceModelTypes() {
    }

    /**
     * The type a source file names: the ledger's own ids in any case and spacing, the Model Openness
     * Tool's "language" for text; any other word is {@link ModelType#OTHER}; blank or absent is empty.
     */
    public static Optional<ModelType> read(String word) {
        if (word == null || word.isBlank()) {
            return Optional.empty();
        }
        String normalized = word.strip().toLowerCase(Locale.ROOT);
        if (normalized.equals("language")) {
            return Optional.of(ModelType.TEXT);
        }
        return Optional.of(ModelType.fromId(normalized).orElse(ModelType.OTHER));
    }

    /** The Model Openness Tool's word for a ledger type id: it calls text models "language". */
    public static String motWord(String modelType) {
        return ModelType.TEXT.id().equals(modelType) ? "language" : modelType;
    }
}
