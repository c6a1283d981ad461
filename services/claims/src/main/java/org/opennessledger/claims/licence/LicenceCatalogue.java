package org.opennessledger.claims.licence;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Known AI licences that have no SPDX id. The ids are ours and stable: never rename one, only add.
 * They may stand wherever an SPDX licence id may stand in a licence expression.
 */
public enum LicenceCatalogue {
    LLAMA2_COMMUNITY("llama2-community", "Llama 2 Community License Agreement"),
    LLAMA3_COMMUNITY("llama3-community", "Meta Llama 3 Community License Agreement"),
    LLAMA3_1_COMMUNITY("llama3.1-community", "Llama 3.1 Community License Agreement"),
    LLAMA3_2_COMMUNITY("llama3.2-community", "Llama 3.2 Community License Agreement"),
    LLAMA3_3_COMMUNITY("llama3.3-community", "Llama 3.3 Community License Agreement"),
    LLAMA4_COMMUNITY("llama4-community", "Llama 4 Community License Agreement"),
    GEMMA_TERMS("gemma-terms", "Gemma Terms of Use"),
    QWEN_LICENCE("qwen-licence", "Qwen License Agreement"),
    QWEN_RESEARCH("qwen-research", "Qwen Research License Agreement"),
    DEEPSEEK_LICENCE("deepseek-licence", "DeepSeek License Agreement"),
    OPENRAIL("openrail", "Open RAIL License"),
    OPENRAIL_M("openrail-m", "Open RAIL-M License"),
    BIGSCIENCE_OPENRAIL_M("bigscience-openrail-m", "BigScience OpenRAIL-M License"),
    CREATIVEML_OPENRAIL_M("creativeml-openrail-m", "CreativeML OpenRAIL-M License"),
    BIGCODE_OPENRAIL_M("bigcode-openrail-m", "BigCode OpenRAIL-M License"),
    FALCON_180B_TII("falcon-180b-tii", "Falcon-180B TII License"),
    MISTRAL_RESEARCH("mistral-research", "Mistral AI Research License"),
    NVIDIA_OPEN_MODEL("nvidia-open-model", "NVIDIA Open Model License Agreement");

    private final String id;
    private final String title;

    LicenceCatalogue(String id, String title) {
        this.id = id;
        this.title = title;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    /** Looks an id up ignoring case, as SPDX does for its own ids. */
    public static Optional<LicenceCatalogue> fromId(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String lower = id.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(l -> l.id.equals(lower)).findFirst();
    }
}
