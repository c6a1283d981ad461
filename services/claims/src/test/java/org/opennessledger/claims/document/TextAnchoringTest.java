package org.opennessledger.claims.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opennessledger.claims.document.TextAnchoring.AnchorMismatch;
import org.opennessledger.contracts.annotations.TextAnchor;
import org.opennessledger.contracts.annotations.TextPositionSelector;
import org.opennessledger.contracts.annotations.TextQuoteSelector;

/** Selector resolution and re-anchoring on short licence-like texts written for these tests. */
class TextAnchoringTest {

    /** A made-up licence: two sections share a sentence, so a quote of it alone is ambiguous. */
    private static final String LICENCE = """
            Sample Model Licence 1.0

            1. Use. You may use the Model for any lawful purpose.
            2. Scale. If your services reach more than 500 million monthly active users, you must ask us for a \
            separate licence. You may use the Model for any lawful purpose.
            3. Naming. Derived models must carry "Sample" at the start of their name.
            """;

    private static TextQuoteSelector quote(String exact) {
        return new TextQuoteSelector(exact, "", "");
    }

    private static String at(String text, TextPositionSelector position) {
        int from = text.offsetByCodePoints(0, position.start());
        return text.substring(from, text.offsetByCodePoints(from, position.end() - position.start()));
    }

    @Test
    void aQuoteThatOccursOnceIsPlacedAndBothSelectorsAreFilledIn() throws Exception {
        TextAnchor anchor = TextAnchoring.anchor(LICENCE, quote("more than 500 million monthly active users"), null);

        int start = LICENCE.indexOf("more than 500");
        assertThat(anchor.position()).isEqualTo(new TextPositionSelector(start, start + 42));
        assertThat(at(LICENCE, anchor.position())).isEqualTo("more than 500 million monthly active users");
        assertThat(anchor.quote().prefix()).hasSize(TextAnchoring.CONTEXT).endsWith("If your services reach ");
        assertThat(anchor.quote().suffix()).hasSize(TextAnchoring.CONTEXT).startsWith(", you must ask");
    }

    @Test
    void aRepeatedQuoteIsRefusedUntilAPrefixOrAPositionTellsTheOccurrencesApart() throws Exception {
        String sentence = "You may use the Model for any lawful purpose.";
        assertThatThrownBy(() -> TextAnchoring.anchor(LICENCE, quote(sentence), null))
                .isInstanceOf(AnchorMismatch.class).hasMessageContaining("more than once");

        TextAnchor second = TextAnchoring.anchor(LICENCE, new TextQuoteSelector(sentence, "separate licence. ", ""), null);
        assertThat(second.position().start()).isEqualTo(LICENCE.lastIndexOf(sentence));

        int first = LICENCE.indexOf(sentence);
        TextAnchor byPosition = TextAnchoring.anchor(LICENCE, quote(sentence),
                new TextPositionSelector(first, first + sentence.length()));
        assertThat(byPosition.position().start()).isEqualTo(first);
        assertThat(byPosition.quote().prefix()).endsWith("1. Use. ");
    }

    @Test
    void selectorsThatDisagreeWithTheTextAreRefusedWithTheReason() {
        int start = LICENCE.indexOf("Derived models");
        assertThatThrownBy(() -> TextAnchoring.anchor(LICENCE, quote("no such sentence"), null))
                .hasMessageContaining("does not occur");
        assertThatThrownBy(() -> TextAnchoring.anchor(LICENCE, new TextQuoteSelector("Derived models", "4. ", ""), null))
                .hasMessageContaining("not with that prefix");
        assertThatThrownBy(() -> TextAnchoring.anchor(LICENCE, quote("Derived models"),
                new TextPositionSelector(start + 1, start + 15))).hasMessageContaining("is not the quote");
        assertThatThrownBy(() -> TextAnchoring.anchor(LICENCE, quote("Derived models"),
                new TextPositionSelector(start, LICENCE.length() + 5))).hasMessageContaining("not a passage of this text");
        assertThatThrownBy(() -> TextAnchoring.anchor(LICENCE, quote("Derived models"),
                new TextPositionSelector(-1, 3))).hasMessageContaining("not a passage of this text");
        assertThatThrownBy(() -> TextAnchoring.anchor(LICENCE, new TextQuoteSelector("Derived models", "2. ", ""),
                new TextPositionSelector(start, start + 14))).hasMessageContaining("does not agree with quote.prefix");
        assertThatThrownBy(() -> TextAnchoring.anchor(LICENCE, quote(""), null)).hasMessageContaining("required");
        assertThatThrownBy(() -> TextAnchoring.anchor(LICENCE, quote("a".repeat(TextAnchoring.MAX_EXACT + 1)), null))
                .hasMessageContaining("longer than 4000");
        assertThatThrownBy(() -> TextAnchoring.anchor(LICENCE, quote("Use\uD800"), null))
                .hasMessageContaining("unpaired surrogate");
    }

    @Test
    void positionsCountCodePointsAndQuotesAreNormalisedLikeTheText() throws Exception {
        // two characters outside the Basic Multilingual Plane (two UTF-16 units each) before the passage
        String text = DocumentText.normalise("Terms \uD83D\uDE00\uD83D\uDE00 caf\u00E9 only.\r\nSecond line.");
        TextAnchor anchor = TextAnchoring.anchor(text, quote("cafe\u0301 only.\r\nSecond"), null); // decomposed, CRLF

        assertThat(anchor.position()).isEqualTo(new TextPositionSelector(9, 26));
        assertThat(anchor.quote().exact()).isEqualTo("caf\u00E9 only.\nSecond");
        assertThat(TextAnchoring.anchor(text, quote("caf\u00E9"), new TextPositionSelector(9, 13)).position())
                .isEqualTo(new TextPositionSelector(9, 13));
    }

    @Test
    void aPassageThatMovedInANewVersionIsFoundAgainAndOneThatWasRemovedIsNot() throws Exception {
        TextAnchor threshold = TextAnchoring.anchor(LICENCE, quote("more than 500 million monthly active users"), null);
        String inserted = LICENCE.replace("1. Use.", "0. Definitions. \"Model\" means the weights.\n1. Use.");
        String removed = LICENCE.replace("If your services reach more than 500 million monthly active users, you must ask "
                + "us for a separate licence. ", "");

        Optional<TextAnchor> moved = TextAnchoring.reanchor(inserted, threshold);
        assertThat(moved).isPresent();
        assertThat(moved.get().position().start()).isEqualTo(inserted.indexOf("more than 500"));
        assertThat(at(inserted, moved.get().position())).isEqualTo(threshold.quote().exact());
        assertThat(TextAnchoring.reanchor(removed, threshold)).isEmpty();
    }

    @Test
    void ofSeveralOccurrencesInANewVersionTheOneInTheSameSurroundingsWins() throws Exception {
        String sentence = "You may use the Model for any lawful purpose.";
        TextAnchor inScale = TextAnchoring.anchor(LICENCE, new TextQuoteSelector(sentence, "separate licence. ", ""), null);
        // The new version adds a preamble just long enough to move section 1's sentence to where section 2's
        // was: by position alone the wrong one would win.
        int shift = LICENCE.lastIndexOf(sentence) - LICENCE.indexOf(sentence);
        String preamble = ("Preamble. " + "x".repeat(shift)).substring(0, shift - 1) + "\n";
        String longer = LICENCE.replace("1. Use.", preamble + "1. Use.");
        assertThat(longer.indexOf(sentence)).isEqualTo(inScale.position().start());

        TextAnchor found = TextAnchoring.reanchor(longer, inScale).orElseThrow();
        assertThat(found.quote().prefix()).endsWith("separate licence. ");
        assertThat(found.position().start()).isEqualTo(longer.lastIndexOf(sentence));
    }

    @Test
    void searchingARepetitiveTextForARepetitiveQuoteEndsWithTheRightAnswer() {
        String text = "a".repeat(200_000);
        String almost = "a".repeat(TextAnchoring.MAX_EXACT - 1) + "b";
        assertThatThrownBy(() -> TextAnchoring.anchor(text, quote(almost), null)).hasMessageContaining("does not occur");
        assertThat(TextAnchoring.occurrences(text, "a".repeat(10), 5)).containsExactly(0, 1, 2, 3, 4);
        // a quote found that often in a new version no longer tells one passage from another: orphaned
        TextAnchor one = new TextAnchor(new TextQuoteSelector("aa", "", ""), new TextPositionSelector(0, 2));
        assertThat(TextAnchoring.reanchor(text, one)).isEmpty();
        assertThat(TextAnchoring.reanchor("b".repeat(50) + "aa" + "b".repeat(50), one)).isPresent();
    }
}
