package org.opennessledger.interop;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.opennessledger.contracts.values.ModelType;

class SourceModelTypesTest {

    @Test
    void theIndexesWordsBecomeLedgerTypes() {
        assertThat(SourceModelTypes.read("text ")).contains(ModelType.TEXT); // some OSAI files end it with a space
        assertThat(SourceModelTypes.read("Language")).contains(ModelType.TEXT);
        assertThat(SourceModelTypes.read("code")).contains(ModelType.CODE);
        assertThat(SourceModelTypes.read("video")).contains(ModelType.VIDEO);
        assertThat(SourceModelTypes.read("protein folding")).contains(ModelType.OTHER);
    }

    @Test
    void noWordIsNoType() {
        assertThat(SourceModelTypes.read(null)).isEmpty();
        assertThat(SourceModelTypes.read("  ")).isEmpty();
    }

    @Test
    void textIsWrittenAsTheToolsLanguage() {
        assertThat(SourceModelTypes.motWord("text")).isEqualTo("language");
        assertThat(SourceModelTypes.motWord("image")).isEqualTo("image");
        assertThat(SourceModelTypes.motWord(null)).isNull();
    }
}
