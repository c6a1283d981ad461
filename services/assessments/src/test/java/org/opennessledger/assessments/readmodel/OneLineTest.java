package org.opennessledger.assessments.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OneLineTest {

    @Test
    void lineBreaksAndRunsOfWhiteSpaceBecomeOneSpace() {
        assertThat(OneLine.of("  first line\r\n\tsecond\u2028third  ", 100)).isEqualTo("first line second third");
    }

    @Test
    void longTextIsCutAfterTheLimitAndMarked() {
        assertThat(OneLine.of("abcdef", 6)).isEqualTo("abcdef");
        assertThat(OneLine.of("abcdefg", 6)).isEqualTo("abcdef…");
        assertThat(OneLine.of("abc def", 4)).isEqualTo("abc…");
    }

    @Test
    void aCharacterOutsideTheBasicPlaneIsNeverSplit() {
        // Each emoji is two UTF-16 chars: counting code points keeps the pair whole.
        assertThat(OneLine.of("😀😀😀", 2)).isEqualTo("😀😀…");
    }

    @Test
    void absentTextIsEmpty() {
        assertThat(OneLine.of(null, 10)).isEmpty();
    }
}
