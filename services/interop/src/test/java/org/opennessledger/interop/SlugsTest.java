package org.opennessledger.interop;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Ids derived from names. */
class SlugsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Llama 3|llama-3",
        "Llama-3.1-8B-Instruct|llama-3.1-8b-instruct",
        "Llama 3.1 (Meta)|llama-3.1-meta",
        "  Mistral 7B v0.3 . |mistral-7b-v0.3",
        "Zürich Wörter Modell|zurich-worter-modell",
        "GPT‑4o|gpt-4o",
    })
    void namesBecomeLowerCaseSlugs(String name, String slug) {
        assertThat(Slugs.fromName(name)).contains(slug);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"!!!", "---", "模型"})
    void namesWithNothingUsableGiveNoSlug(String name) {
        assertThat(Slugs.fromName(name)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"200"})
    void slugsAreCutToTheIdLengthWithoutADanglingSeparator(int length) {
        String slug = Slugs.fromName("a-".repeat(length)).orElseThrow();
        assertThat(slug).hasSizeLessThanOrEqualTo(Slugs.MAX_LENGTH).doesNotEndWith("-").startsWith("a-a");
    }
}
