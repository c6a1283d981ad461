package org.opennessledger.contracts.views;

import java.util.List;

/**
 * What changed, line by line, from version {@code from} of a document to version {@code to} (either may be
 * the later one): hunks with three lines of context, and the same hunks as classic unified-diff text.
 *
 * <p>{@code addedLines} and {@code removedLines} count the whole difference, also where {@code truncated}
 * leaves hunks out. {@code minimal} is false when the texts were too far apart to compare line by line:
 * everything between their common first and last lines then counts as replaced. A version whose text does not
 * end with a line feed has {@code fromEndsWithNewline} or {@code toEndsWithNewline} false; its last line then
 * differs from the same words followed by one.
 */
public record DocumentVersionDiffView(String documentId, int from, int to, String fromContentHash,
                                      String toContentHash, int addedLines, int removedLines,
                                      boolean fromEndsWithNewline, boolean toEndsWithNewline, boolean minimal,
                                      boolean truncated, List<HunkView> hunks, String unified) {

    public DocumentVersionDiffView {
        hunks = hunks == null ? List.of() : List.copyOf(hunks);
    }

    /**
     * One stretch of changes with its context. Starts are 1-based line numbers; a side with no lines in the
     * hunk (count 0) names the line just before it, as unified diffs do.
     */
    public record HunkView(int fromStart, int fromCount, int toStart, int toCount, List<LineView> lines) {
        public HunkView {
            lines = lines == null ? List.of() : List.copyOf(lines);
        }
    }

    /** {@code op} is "context", "removed" or "added"; {@code text} is the line without its line feed. */
    public record LineView(String op, String text) {
    }
}
