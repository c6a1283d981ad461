package org.opennessledger.licences;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Known AI licences that have no SPDX id. The ids are ours and stable: never rename one, only add.
 * They may stand wherever an SPDX licence id may stand in a licence expression.
 */
public enum LicenceCatalogue {
    LLAMA2_COMMUNITY("llama2-community", "Llama 2 Community License Agreement",
            new LicenceTerms(true, true, 700_000_000L, "allowed", true, null,
                    "https://ai.meta.com/llama/license/")),
    LLAMA3_COMMUNITY("llama3-community", "Meta Llama 3 Community License Agreement",
            new LicenceTerms(true, true, 700_000_000L, "allowed", true,
                    "display \"Built with Meta Llama 3\"; derivative model names begin with \"Llama 3\"",
                    "https://llama.meta.com/llama3/license/")),
    LLAMA3_1_COMMUNITY("llama3.1-community", "Llama 3.1 Community License Agreement",
            new LicenceTerms(true, true, 700_000_000L, "allowed", true,
                    "display \"Built with Llama\"; derivative model names begin with \"Llama\"",
                    "https://www.llama.com/llama3_1/license/")),
    LLAMA3_2_COMMUNITY("llama3.2-community", "Llama 3.2 Community License Agreement",
            new LicenceTerms(true, true, 700_000_000L, "allowed", true,
                    "display \"Built with Llama\"; derivative model names begin with \"Llama\"",
                    "https://www.llama.com/llama3_2/license/")),
    LLAMA3_3_COMMUNITY("llama3.3-community", "Llama 3.3 Community License Agreement",
            new LicenceTerms(true, true, 700_000_000L, "allowed", true,
                    "display \"Built with Llama\"; derivative model names begin with \"Llama\"",
                    "https://www.llama.com/llama3_3/license/")),
    LLAMA4_COMMUNITY("llama4-community", "Llama 4 Community License Agreement",
            new LicenceTerms(true, true, 700_000_000L, "allowed", true,
                    "display \"Built with Llama\"; derivative model names begin with \"Llama\"",
                    "https://www.llama.com/llama4/license/")),
    GEMMA_TERMS("gemma-terms", "Gemma Terms of Use",
            new LicenceTerms(true, true, null, "allowed", true, null, "https://ai.google.dev/gemma/terms")),
    QWEN_LICENCE("qwen-licence", "Qwen License Agreement",
            new LicenceTerms(true, false, 100_000_000L, "allowed", true,
                    "display \"Built with Qwen\" or \"Improved using Qwen\"",
                    "https://huggingface.co/Qwen/Qwen2.5-72B-Instruct/blob/main/LICENSE")),
    QWEN_RESEARCH("qwen-research", "Qwen Research License Agreement",
            new LicenceTerms(true, false, null, "prohibited", true, null,
                    "https://huggingface.co/Qwen/Qwen2.5-3B-Instruct/blob/main/LICENSE")),
    DEEPSEEK_LICENCE("deepseek-licence", "DeepSeek License Agreement",
            new LicenceTerms(true, false, null, "allowed", true, null,
                    "https://github.com/deepseek-ai/DeepSeek-LLM/blob/main/LICENSE-MODEL")),
    OPENRAIL("openrail", "Open RAIL License",
            new LicenceTerms(true, false, null, "allowed", true, null, "https://www.licenses.ai/")),
    OPENRAIL_M("openrail-m", "Open RAIL-M License",
            new LicenceTerms(true, false, null, "allowed", true, null, "https://www.licenses.ai/")),
    BIGSCIENCE_OPENRAIL_M("bigscience-openrail-m", "BigScience OpenRAIL-M License",
            new LicenceTerms(true, false, null, "allowed", true, null,
                    "https://huggingface.co/spaces/bigscience/license")),
    CREATIVEML_OPENRAIL_M("creativeml-openrail-m", "CreativeML OpenRAIL-M License",
            new LicenceTerms(true, false, null, "allowed", true, null,
                    "https://huggingface.co/spaces/CompVis/stable-diffusion-license")),
    BIGCODE_OPENRAIL_M("bigcode-openrail-m", "BigCode OpenRAIL-M License",
            new LicenceTerms(true, false, null, "allowed", true, null,
                    "https://huggingface.co/spaces/bigcode/bigcode-model-license-agreement")),
    FALCON_180B_TII("falcon-180b-tii", "Falcon-180B TII License",
            new LicenceTerms(true, true, null, "restricted", true, null,
                    "https://huggingface.co/spaces/tiiuae/falcon-180b-license/blob/main/LICENSE.txt")),
    MISTRAL_RESEARCH("mistral-research", "Mistral AI Research License",
            new LicenceTerms(true, false, null, "prohibited", true, null, "https://mistral.ai/licenses/MRL-0.1.md")),
    NVIDIA_OPEN_MODEL("nvidia-open-model", "NVIDIA Open Model License Agreement",
            new LicenceTerms(false, false, null, "allowed", true, null,
                    "https://www.nvidia.com/en-us/agreements/enterprise-software/nvidia-open-model-license/")),
    BIGSCIENCE_BLOOM_RAIL("bigscience-bloom-rail-1.0", "BigScience BLOOM RAIL License v1.0",
            new LicenceTerms(true, false, null, "allowed", true, null,
                    "https://huggingface.co/spaces/bigscience/license")),
    DATABRICKS_OPEN_MODEL("databricks-open-model", "Databricks Open Model License",
            new LicenceTerms(true, true, 700_000_000L, "allowed", true, null,
                    "https://www.databricks.com/legal/open-model-license")),
    CHATGLM3_6B("chatglm3-6b", "ChatGLM3-6B Model License",
            // commercial use is free only after registering with the producer
            new LicenceTerms(true, false, null, "restricted", true, null,
                    "https://huggingface.co/THUDM/chatglm3-6b/blob/main/MODEL_LICENSE")),
    APPLE_SAMPLE_CODE("apple-sample-code", "Apple Sample Code License",
            new LicenceTerms(false, false, null, "allowed", true, null,
                    "https://huggingface.co/apple/OpenELM/blob/main/LICENSE")),
    // Not a licence to the public: it lets arXiv distribute a paper; readers get no right to reuse it.
    ARXIV_NONEXCLUSIVE("arxiv-nonexclusive-1.0", "arXiv.org perpetual, non-exclusive license 1.0",
            new LicenceTerms(true, false, null, "prohibited", false, null,
                    "https://arxiv.org/licenses/nonexclusive-distrib/1.0/license.html"));

    private final String id;
    private final String title;
    private final LicenceTerms terms;

    LicenceCatalogue(String id, String title, LicenceTerms terms) {
        this.id = id;
        this.title = title;
        this.terms = terms;
    }

    /** What the licence demands and forbids (see {@link LicenceTerms}). */
    public LicenceTerms terms() {
        return terms;
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
