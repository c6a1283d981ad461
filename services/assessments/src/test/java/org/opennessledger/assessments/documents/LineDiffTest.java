package org.opennessledger.assessments.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.opennessledger.contracts.views.DocumentVersionDiffView;
import org.opennessledger.contracts.views.DocumentVersionDiffView.HunkView;
import org.opennessledger.contracts.views.DocumentVersionDiffView.LineView;
import org.opennessledger.contracts.views.DocumentVersionView;

/** Line diffs of two document versions: hunks, counts, unified text, and what the bounds do. The texts are made up. */
class LineDiffTest {

    private static final String TERMS = """
            Example Weights Licence
            1. You may run the weights.
            2. You may share the weights under this licence.
            3. Name the model in any derived work.
            4. Do not use the weights to harm people.
            5. The weights come without warranty.
            6. This licence ends if you break it.
            7. Disputes go to the courts of the licensor.
            """;
    private static final String LONGER_TERMS = TERMS + """
            8. Notices to the licensor go by e-mail.
            9. These terms are the whole agreement.
            """;

    private static DocumentVersionView version(int number, String text) {
        return new DocumentVersionView("doc-test", number, "https://example.org/terms", "Example terms", "text/plain",
                "sha256:" + number, null, "alice", null, text);
    }

    private static DocumentVersionDiffView diff(String from, String to) {
        return LineDiff.STANDARD.between(version(1, from), version(2, to));
    }

    private static LineView context(String text) {
        return new LineView("context", text);
    }

    private static LineView removed(String text) {
        return new LineView("removed", text);
    }

    private static LineView added(String text) {
        return new LineView("added", text);
    }

    @Test
    void anInsertedLineComesWithThreeLinesOfContextOnEachSide() {
        String to = TERMS.replace("3. Name", "2a. Keep this notice with every copy.\n3. Name");

        DocumentVersionDiffView diff = diff(TERMS, to);

        assertThat(diff.addedLines()).isEqualTo(1);
        assertThat(diff.removedLines()).isZero();
        assertThat(diff.minimal()).isTrue();
        assertThat(diff.truncated()).isFalse();
        assertThat(diff.hunks()).singleElement().satisfies(hunk -> {
            assertThat(hunk).extracting(HunkView::fromStart, HunkView::fromCount, HunkView::toStart, HunkView::toCount)
                    .containsExactly(1, 6, 1, 7);
            assertThat(hunk.lines()).containsExactly(context("Example Weights Licence"),
                    context("1. You may run the weights."), context("2. You may share the weights under this licence."),
                    added("2a. Keep this notice with every copy."), context("3. Name the model in any derived work."),
                    context("4. Do not use the weights to harm people."),
                    context("5. The weights come without warranty."));
        });
        assertThat(diff.unified()).isEqualTo("""
                --- doc-test/versions/1
                +++ doc-test/versions/2
                @@ -1,6 +1,7 @@
                 Example Weights Licence
                 1. You may run the weights.
                 2. You may share the weights under this licence.
                +2a. Keep this notice with every copy.
                 3. Name the model in any derived work.
                 4. Do not use the weights to harm people.
                 5. The weights come without warranty.
                """);
        assertThat(diff).extracting(DocumentVersionDiffView::documentId, DocumentVersionDiffView::from,
                        DocumentVersionDiffView::to, DocumentVersionDiffView::fromContentHash,
                        DocumentVersionDiffView::toContentHash)
                .containsExactly("doc-test", 1, 2, "sha256:1", "sha256:2");
    }

    @Test
    void aDeletedLastLineHasContextBeforeItOnly() {
        String to = TERMS.replace("7. Disputes go to the courts of the licensor.\n", "");

        DocumentVersionDiffView diff = diff(TERMS, to);

        assertThat(diff.removedLines()).isEqualTo(1);
        assertThat(diff.addedLines()).isZero();
        assertThat(diff.hunks()).extracting(HunkView::fromStart, HunkView::fromCount, HunkView::toStart,
                HunkView::toCount).containsExactly(tuple(5, 4, 5, 3));
        assertThat(diff.unified()).endsWith("""
                @@ -5,4 +5,3 @@
                 4. Do not use the weights to harm people.
                 5. The weights come without warranty.
                 6. This licence ends if you break it.
                -7. Disputes go to the courts of the licensor.
                """);
    }

    @Test
    void aChangedLineIsRemovedThenAdded() {
        String to = TERMS.replace("4. Do not use the weights to harm people.",
                "4. Do not use the weights to harm people or animals.");

        DocumentVersionDiffView diff = diff(TERMS, to);

        assertThat(diff.addedLines()).isEqualTo(1);
        assertThat(diff.removedLines()).isEqualTo(1);
        assertThat(diff.hunks()).singleElement().satisfies(hunk -> {
            assertThat(hunk).extracting(HunkView::fromStart, HunkView::fromCount, HunkView::toStart, HunkView::toCount)
                    .containsExactly(2, 7, 2, 7);
            assertThat(hunk.lines()).extracting(LineView::op).containsExactly("context", "context", "context",
                    "removed", "added", "context", "context", "context");
            assertThat(hunk.lines().get(3)).isEqualTo(removed("4. Do not use the weights to harm people."));
            assertThat(hunk.lines().get(4)).isEqualTo(added("4. Do not use the weights to harm people or animals."));
        });
    }

    @Test
    void identicalTextsHaveNoHunksAndNoUnifiedText() {
        DocumentVersionDiffView same = LineDiff.STANDARD.between(version(3, TERMS), version(3, TERMS));

        assertThat(same.hunks()).isEmpty();
        assertThat(same.unified()).isEmpty();
        assertThat(same.addedLines()).isZero();
        assertThat(same.removedLines()).isZero();
        assertThat(same.truncated()).isFalse();
        assertThat(same.minimal()).isTrue();
        assertThat(same.from()).isEqualTo(3);
        assertThat(same.to()).isEqualTo(3);
    }

    @Test
    void theReverseDiffSwapsAddedAndRemoved() {
        String later = TERMS.replace("1. You may run the weights.\n", "1. You may run and study the weights.\n")
                + "8. Updates of this licence apply to later releases only.\n";

        DocumentVersionDiffView forward = LineDiff.STANDARD.between(version(1, TERMS), version(2, later));
        DocumentVersionDiffView backward = LineDiff.STANDARD.between(version(2, later), version(1, TERMS));

        assertThat(forward.addedLines()).isEqualTo(2);
        assertThat(forward.removedLines()).isEqualTo(1);
        assertThat(backward.addedLines()).isEqualTo(1);
        assertThat(backward.removedLines()).isEqualTo(2);
        assertThat(backward.from()).isEqualTo(2);
        assertThat(backward.to()).isEqualTo(1);
        assertThat(backward.unified()).startsWith("--- doc-test/versions/2\n+++ doc-test/versions/1\n");
        // the same hunks, seen from the other side
        assertThat(backward.hunks()).hasSameSizeAs(forward.hunks());
        for (int i = 0; i < forward.hunks().size(); i++) {
            HunkView there = forward.hunks().get(i);
            HunkView back = backward.hunks().get(i);
            assertThat(back).extracting(HunkView::fromStart, HunkView::fromCount, HunkView::toStart, HunkView::toCount)
                    .containsExactly(there.toStart(), there.toCount(), there.fromStart(), there.fromCount());
            assertThat(back.lines()).extracting(LineView::text).containsExactlyInAnyOrderElementsOf(
                    there.lines().stream().map(LineView::text).toList());
        }
        assertThat(backward.hunks()).singleElement().satisfies(hunk -> assertThat(hunk.lines())
                .endsWith(removed("8. Updates of this licence apply to later releases only.")));
    }

    @Test
    void changesMoreThanSixLinesApartAreSeparateHunksAndCloserOnesShareOne() {
        String far = LONGER_TERMS.replace("Example Weights Licence", "Example Weights Licence\nVersion 2")
                .replace("9. These terms", "9. These four terms");
        String near = LONGER_TERMS.replace("Example Weights Licence", "Example Weights Licence, version 2")
                .replace("7. Disputes", "7. All disputes");

        // the line added at the top moves the second hunk one line down in the later text
        assertThat(diff(LONGER_TERMS, far).hunks()).extracting(HunkView::fromStart, HunkView::fromCount,
                HunkView::toStart, HunkView::toCount).containsExactly(tuple(1, 4, 1, 5), tuple(7, 4, 8, 4));
        assertThat(diff(LONGER_TERMS, near).hunks()).extracting(HunkView::fromStart, HunkView::fromCount)
                .containsExactly(tuple(1, 10));
    }

    @Test
    void aLastLineWithoutLineFeedDiffersFromTheSameLineWithOne() {
        String open = TERMS.substring(0, TERMS.length() - 1);

        DocumentVersionDiffView diff = diff(open, TERMS + "8. Keep a copy of these terms.\n");

        assertThat(diff.fromEndsWithNewline()).isFalse();
        assertThat(diff.toEndsWithNewline()).isTrue();
        assertThat(diff.removedLines()).isEqualTo(1);
        assertThat(diff.addedLines()).isEqualTo(2);
        assertThat(diff.hunks()).singleElement().satisfies(hunk -> assertThat(hunk.lines()).endsWith(
                removed("7. Disputes go to the courts of the licensor."),
                added("7. Disputes go to the courts of the licensor."), added("8. Keep a copy of these terms.")));
        assertThat(diff.unified()).endsWith("""
                -7. Disputes go to the courts of the licensor.
                \\ No newline at end of file
                +7. Disputes go to the courts of the licensor.
                +8. Keep a copy of these terms.
                """);
    }

    @Test
    void aSideWithoutLinesNamesTheLineBeforeItsEmptyRange() {
        DocumentVersionDiffView diff = diff("", "Example terms\nAll rights reserved.\n");

        assertThat(diff.hunks()).extracting(HunkView::fromStart, HunkView::fromCount, HunkView::toStart,
                HunkView::toCount).containsExactly(tuple(0, 0, 1, 2));
        assertThat(diff.unified()).contains("@@ -0,0 +1,2 @@\n+Example terms\n+All rights reserved.\n");
        assertThat(diff("Example terms\n", "Example terms\nAll rights reserved.\n").unified())
                .contains("@@ -1 +1,2 @@\n");
    }

    @Test
    void pastTheBoundOnChangedLinesOnlyTheFirstHunksAreGivenButTheCountsAreWhole() {
        String to = LONGER_TERMS.replace("Example Weights Licence", "Example Weights Licence, version 2")
                .replace("9. These terms", "9. These four terms");
        LineDiff small = new LineDiff(3, LineDiff.MAX_EDIT_DISTANCE, LineDiff.MAX_COMPARISONS);

        DocumentVersionDiffView diff = small.between(version(1, LONGER_TERMS), version(2, to));

        assertThat(diff.truncated()).isTrue();
        assertThat(diff.minimal()).isTrue();
        assertThat(diff.addedLines()).isEqualTo(2);
        assertThat(diff.removedLines()).isEqualTo(2);
        assertThat(diff.hunks()).extracting(HunkView::fromStart).containsExactly(1);
        assertThat(diff.unified()).contains("@@ -1,4 +1,4 @@").doesNotContain("four terms");
    }

    @Test
    void textsTooFarApartCountTheStretchBetweenTheirCommonEndsAsReplaced() {
        String to = TERMS.replace("1. You may run", "1. You may run and study")
                .replace("6. This licence", "6. This whole licence");
        LineDiff small = new LineDiff(LineDiff.MAX_CHANGED_LINES, 2, LineDiff.MAX_COMPARISONS);

        DocumentVersionDiffView diff = small.between(version(1, TERMS), version(2, to));

        assertThat(diff.minimal()).isFalse();
        assertThat(diff.removedLines()).isEqualTo(6);
        assertThat(diff.addedLines()).isEqualTo(6);
        assertThat(diff.hunks()).singleElement().extracting(HunkView::fromStart, HunkView::fromCount,
                HunkView::toStart, HunkView::toCount).containsExactly(1, 8, 1, 8);
        // so do texts that take too many comparisons
        assertThat(new LineDiff(LineDiff.MAX_CHANGED_LINES, LineDiff.MAX_EDIT_DISTANCE, 5)
                .between(version(1, TERMS), version(2, to)).minimal()).isFalse();
    }

    @Test
    void theLargestTextsOfTinyLinesStopAtTheBoundsAndGiveCountsWithoutHunks() {
        // 200 KiB each: lines of one character, drawn from two, so that Myers' algorithm would need very long
        Random random = new Random(17);
        StringBuilder from = new StringBuilder();
        StringBuilder to = new StringBuilder();
        for (int i = 0; i < 200 * 1024 / 2; i++) {
            from.append(random.nextBoolean() ? "a\n" : "b\n");
            to.append(random.nextBoolean() ? "a\n" : "b\n");
        }
        to.replace(0, 2, "c\n");

        DocumentVersionDiffView diff = diff(from.toString(), to.toString());

        assertThat(diff.minimal()).isFalse();
        assertThat(diff.truncated()).isTrue();
        assertThat(diff.hunks()).isEmpty();
        assertThat(diff.unified()).isEqualTo("--- doc-test/versions/1\n+++ doc-test/versions/2\n");
        assertThat(diff.addedLines()).isEqualTo(diff.removedLines()).isPositive().isLessThanOrEqualTo(200 * 1024 / 2);
    }
}
