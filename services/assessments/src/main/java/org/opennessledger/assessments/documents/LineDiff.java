package org.opennessledger.assessments.documents;

import com.github.difflib.DiffUtils;
import com.github.difflib.algorithm.Change;
import com.github.difflib.algorithm.DiffAlgorithmListener;
import com.github.difflib.algorithm.myers.MyersDiff;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Chunk;
import com.github.difflib.patch.DeltaType;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import org.opennessledger.contracts.views.DocumentVersionDiffView;
import org.opennessledger.contracts.views.DocumentVersionDiffView.HunkView;
import org.opennessledger.contracts.views.DocumentVersionDiffView.LineView;
import org.opennessledger.contracts.views.DocumentVersionView;

/**
 * Two versions of a document compared line by line (java-diff-utils' Myers diff), grouped into hunks with
 * {@value #CONTEXT} lines of context and written out as unified-diff text too.
 *
 * <p>Lines are compared with their line feed, so a last line without one differs from the same words with one
 * (the unified text marks it "\ No newline at end of file", as diff does).
 *
 * <p>Bounds keep the work and the answer small. Myers' algorithm takes time in the square of the edit distance
 * (the lines added plus removed) and in the lines it compares: past {@link #MAX_EDIT_DISTANCE} edits or
 * {@link #MAX_COMPARISONS} comparisons it is stopped, and the whole stretch between the texts' common first and
 * last lines counts as replaced (the view says the diff is not minimal). Texts of ordinary line length stay
 * within both even when rewritten completely (5,000 lines against 5,000 others take 25 million comparisons);
 * only texts of very many short lines reach them. Hunks are then kept, in order, while their added and removed
 * lines add up to at most {@link #MAX_CHANGED_LINES}; the counts always cover the whole difference.
 */
public final class LineDiff {

    /** Unchanged lines shown before and after each change; changes this close or closer share a hunk. */
    public static final int CONTEXT = 3;
    /** At most this many added plus removed lines in the hunks of one answer. */
    public static final int MAX_CHANGED_LINES = 5_000;
    /** Beyond this edit distance (lines added plus removed) the texts are not compared line by line. */
    public static final int MAX_EDIT_DISTANCE = 10_000;
    /** Nor after this many comparisons of two lines. */
    public static final long MAX_COMPARISONS = 30_000_000;

    public static final LineDiff STANDARD = new LineDiff(MAX_CHANGED_LINES, MAX_EDIT_DISTANCE, MAX_COMPARISONS);

    private final int maxChangedLines;
    private final int maxEditDistance;
    private final long maxComparisons;

    LineDiff(int maxChangedLines, int maxEditDistance, long maxComparisons) {
        this.maxChangedLines = maxChangedLines;
        this.maxEditDistance = maxEditDistance;
        this.maxComparisons = maxComparisons;
    }

    /** From {@code from} to {@code to}, two versions of one document (in either order, or the same one twice). */
    public DocumentVersionDiffView between(DocumentVersionView from, DocumentVersionView to) {
        List<String> fromLines = lines(from.text());
        List<String> toLines = lines(to.text());
        Patch<String> patch = minimalPatch(fromLines, toLines);
        boolean minimal = patch != null;
        if (!minimal) {
            patch = Patch.generate(fromLines, toLines, List.of(replacedMiddle(fromLines, toLines)));
        }
        List<AbstractDelta<String>> deltas = patch.getDeltas();

        int added = 0;
        int removed = 0;
        for (AbstractDelta<String> delta : deltas) {
            added += delta.getTarget().size();
            removed += delta.getSource().size();
        }
        StringBuilder unified = new StringBuilder();
        if (!deltas.isEmpty()) {
            unified.append("--- ").append(from.documentId()).append("/versions/").append(from.version()).append('\n')
                    .append("+++ ").append(to.documentId()).append("/versions/").append(to.version()).append('\n');
        }
        List<HunkView> hunks = new ArrayList<>();
        boolean truncated = false;
        int shownChanges = 0;
        int shift = 0; // lines added minus lines removed before the hunk: where its lines stand in the to text
        for (int first = 0; first < deltas.size(); ) {
            int last = first;
            int changes = changedLines(deltas.get(first));
            while (last + 1 < deltas.size()
                    && deltas.get(last + 1).getSource().getPosition() - end(deltas.get(last).getSource()) <= 2 * CONTEXT) {
                last++;
                changes += changedLines(deltas.get(last));
            }
            if (shownChanges + changes > maxChangedLines) {
                truncated = true;
                break;
            }
            shownChanges += changes;
            List<AbstractDelta<String>> group = deltas.subList(first, last + 1);
            hunks.add(hunk(fromLines, group, shift, unified));
            for (AbstractDelta<String> delta : group) {
                shift += delta.getTarget().size() - delta.getSource().size();
            }
            first = last + 1;
        }
        return new DocumentVersionDiffView(from.documentId(), from.version(), to.version(), from.contentHash(),
                to.contentHash(), added, removed, endsWithNewline(from.text()), endsWithNewline(to.text()), minimal,
                truncated, hunks, unified.toString());
    }

    /** The fewest lines added and removed that turn one text into the other; null if that takes too long. */
    private Patch<String> minimalPatch(List<String> fromLines, List<String> toLines) {
        Budget budget = new Budget(maxEditDistance, maxComparisons);
        try {
            return DiffUtils.diff(fromLines, toLines, new MyersDiff<>(budget), budget);
        } catch (OverBudget e) {
            return null;
        }
    }

    /** The text's lines, each with its line feed (the last one may have none). */
    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int feed = text.indexOf('\n', start);
            int end = feed < 0 ? text.length() : feed + 1;
            lines.add(text.substring(start, end));
            start = end;
        }
        return lines;
    }

    /** One hunk: the deltas of {@code group} with the unchanged lines around and between them. */
    private static HunkView hunk(List<String> fromLines, List<AbstractDelta<String>> group, int shift,
                                 StringBuilder unified) {
        int fromStart = Math.max(0, group.get(0).getSource().getPosition() - CONTEXT);
        int toStart = fromStart + shift;
        int fromEnd = Math.min(fromLines.size(), end(group.get(group.size() - 1).getSource()) + CONTEXT);
        List<String> prefixed = new ArrayList<>();
        int cursor = fromStart;
        for (AbstractDelta<String> delta : group) {
            fromLines.subList(cursor, delta.getSource().getPosition()).forEach(line -> prefixed.add(" " + line));
            delta.getSource().getLines().forEach(line -> prefixed.add("-" + line));
            delta.getTarget().getLines().forEach(line -> prefixed.add("+" + line));
            cursor = end(delta.getSource());
        }
        fromLines.subList(cursor, fromEnd).forEach(line -> prefixed.add(" " + line));

        int fromCount = fromEnd - fromStart;
        int toCount = (int) prefixed.stream().filter(line -> line.charAt(0) != '-').count();
        unified.append("@@ -").append(range(fromStart, fromCount)).append(" +").append(range(toStart, toCount))
                .append(" @@\n");
        List<LineView> lines = new ArrayList<>(prefixed.size());
        for (String line : prefixed) {
            boolean feed = line.endsWith("\n");
            unified.append(line).append(feed ? "" : "\n\\ No newline at end of file\n");
            String op = switch (line.charAt(0)) {
                case '-' -> "removed";
                case '+' -> "added";
                default -> "context";
            };
            lines.add(new LineView(op, line.substring(1, line.length() - (feed ? 1 : 0))));
        }
        return new HunkView(firstLine(fromStart, fromCount), fromCount, firstLine(toStart, toCount), toCount, lines);
    }

    /** 1-based; an empty range names the line before it (0 at the top). */
    private static int firstLine(int start, int count) {
        return count == 0 ? start : start + 1;
    }

    /** As diff writes a range: "start,count", or "start" alone for one line. */
    private static String range(int start, int count) {
        return count == 1 ? String.valueOf(start + 1) : firstLine(start, count) + "," + count;
    }

    private static int end(Chunk<String> chunk) {
        return chunk.getPosition() + chunk.size();
    }

    private static int changedLines(AbstractDelta<String> delta) {
        return delta.getSource().size() + delta.getTarget().size();
    }

    private static boolean endsWithNewline(String text) {
        return text.isEmpty() || text.endsWith("\n");
    }

    /** Everything between the common first and last lines, as one change (not minimal, but quick). */
    private static Change replacedMiddle(List<String> fromLines, List<String> toLines) {
        int head = 0;
        while (head < fromLines.size() && head < toLines.size() && fromLines.get(head).equals(toLines.get(head))) {
            head++;
        }
        int tail = 0;
        while (tail < fromLines.size() - head && tail < toLines.size() - head
                && fromLines.get(fromLines.size() - 1 - tail).equals(toLines.get(toLines.size() - 1 - tail))) {
            tail++;
        }
        int fromEnd = fromLines.size() - tail;
        int toEnd = toLines.size() - tail;
        DeltaType type = head == fromEnd ? DeltaType.INSERT : head == toEnd ? DeltaType.DELETE : DeltaType.CHANGE;
        return new Change(type, head, fromEnd, head, toEnd);
    }

    /** Stops Myers' algorithm once it looks for a path of more edits, or has compared more lines, than allowed. */
    private static final class Budget implements DiffAlgorithmListener, BiPredicate<String, String> {
        private final int maxEdits;
        private final long maxComparisons;
        private long comparisons;

        Budget(int maxEdits, long maxComparisons) {
            this.maxEdits = maxEdits;
            this.maxComparisons = maxComparisons;
        }

        @Override
        public boolean test(String fromLine, String toLine) {
            if (++comparisons > maxComparisons) {
                throw new OverBudget();
            }
            return fromLine.equals(toLine);
        }

        @Override
        public void diffStart() {
        }

        @Override
        public void diffStep(int edits, int max) {
            if (edits > maxEdits) {
                throw new OverBudget();
            }
        }

        @Override
        public void diffEnd() {
        }
    }

    private static final class OverBudget extends RuntimeException {
        OverBudget() {
            super("the texts differ in too many lines to compare them line by line", null, false, false);
        }
    }
}
