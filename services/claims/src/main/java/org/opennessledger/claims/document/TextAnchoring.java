package org.opennessledger.claims.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opennessledger.contracts.annotations.TextAnchor;
import org.opennessledger.contracts.annotations.TextPositionSelector;
import org.opennessledger.contracts.annotations.TextQuoteSelector;

/**
 * Places a passage in a document version's text (normalised, see {@link DocumentText}) and finds it
 * again in a later version. Positions count Unicode code points, as W3C TextPositionSelector does.
 * <p>
 * Searching is linear in the text (Knuth–Morris–Pratt): a quote of thousands of repeated letters in
 * a text of the same letter costs no more than reading the text.
 */
public final class TextAnchoring {

    /** Longest quote, in code points: a passage, not a document. */
    public static final int MAX_EXACT = 4_000;
    /** Longest prefix or suffix a client may give, in code points. */
    public static final int MAX_CONTEXT = 256;
    /** Context kept beside a new anchor (code points each side), to find the passage again later. */
    static final int CONTEXT = 32;
    /** Occurrences of a quote weighed when re-anchoring; a quote found more often says too little to place it (orphaned). */
    static final int MAX_CANDIDATES = 10_000;

    private TextAnchoring() {
    }

    /** Why selectors do not fit a text, in words a person can act on. */
    public static final class AnchorMismatch extends Exception {
        public AnchorMismatch(String message) {
            super(message);
        }
    }

    /**
     * The passage the selectors name in {@code text}, with both selectors filled in: by its position when
     * one is given (the quote and any prefix/suffix must agree with the text there), otherwise by the one
     * occurrence of the quote whose surroundings agree with the prefix and suffix.
     */
    public static TextAnchor anchor(String text, TextQuoteSelector quote, TextPositionSelector position)
            throws AnchorMismatch {
        if (quote == null || quote.exact() == null || quote.exact().isEmpty()) {
            throw new AnchorMismatch("quote.exact is required: the passage as it appears in the text");
        }
        String exact = DocumentText.normalise(quote.exact());
        String prefix = DocumentText.normalise(quote.prefix());
        String suffix = DocumentText.normalise(quote.suffix());
        check(exact, "quote.exact", MAX_EXACT);
        check(prefix, "quote.prefix", MAX_CONTEXT);
        check(suffix, "quote.suffix", MAX_CONTEXT);
        if (position != null) {
            int length = text.codePointCount(0, text.length());
            if (position.start() < 0 || position.end() <= position.start() || position.end() > length) {
                throw new AnchorMismatch("position " + position.start() + ".." + position.end()
                        + " is not a passage of this text (0 <= start < end <= " + length + ")");
            }
            int from = text.offsetByCodePoints(0, position.start());
            int to = text.offsetByCodePoints(from, position.end() - position.start());
            if (!text.substring(from, to).equals(exact)) {
                throw new AnchorMismatch("the text at " + position.start() + ".." + position.end()
                        + " is not the quote (quote.exact and position disagree)");
            }
            if (!text.startsWith(prefix, from - prefix.length()) || !text.startsWith(suffix, to)) {
                throw new AnchorMismatch("the text around " + position.start() + ".." + position.end()
                        + " does not agree with quote.prefix / quote.suffix");
            }
            return anchorAt(text, from, to, position.start(), prefix.length(), suffix.length());
        }
        List<Integer> agreeing = new ArrayList<>(2);
        List<Integer> occurrences = occurrences(text, exact, Integer.MAX_VALUE);
        for (int from : occurrences) {
            if (text.startsWith(prefix, from - prefix.length()) && text.startsWith(suffix, from + exact.length())) {
                agreeing.add(from);
                if (agreeing.size() > 1) {
                    throw new AnchorMismatch("the quote occurs more than once with that prefix and suffix: give a longer"
                            + " prefix or suffix, or a position");
                }
            }
        }
        if (agreeing.isEmpty()) {
            throw new AnchorMismatch(!occurrences.isEmpty() ? "the quote occurs, but not with that prefix and suffix"
                    : "the quote does not occur in this version of the document");
        }
        int from = agreeing.get(0);
        return anchorAt(text, from, from + exact.length(), text.codePointCount(0, from), prefix.length(), suffix.length());
    }

    /**
     * The passage of {@code previous} in a new version's {@code text}, or empty when its quote no longer
     * occurs (the annotation is then orphaned). Of several occurrences, the one whose surroundings agree
     * longest with the old prefix and suffix wins; on a tie, the one nearest the old position. A quote that occurs
     * {@value #MAX_CANDIDATES} times or more is orphaned too: it no longer tells one passage from another.
     */
    public static Optional<TextAnchor> reanchor(String text, TextAnchor previous) {
        String exact = previous.quote().exact();
        String prefix = previous.quote().prefix();
        String suffix = previous.quote().suffix();
        if (exact.isEmpty()) {
            return Optional.empty();
        }
        int best = -1;
        int bestScore = -1;
        long bestDistance = Long.MAX_VALUE;
        int bestCodePoint = 0;
        int scannedUtf16 = 0;
        int scannedCodePoints = 0;
        List<Integer> candidates = occurrences(text, exact, MAX_CANDIDATES);
        if (candidates.size() >= MAX_CANDIDATES) {
            return Optional.empty();
        }
        for (int from : candidates) {
            scannedCodePoints += text.codePointCount(scannedUtf16, from); // occurrences come in order
            scannedUtf16 = from;
            int score = commonSuffix(text, from, prefix) + commonPrefix(text, from + exact.length(), suffix);
            long distance = Math.abs((long) scannedCodePoints - previous.position().start());
            if (score > bestScore || (score == bestScore && distance < bestDistance)) {
                best = from;
                bestScore = score;
                bestDistance = distance;
                bestCodePoint = scannedCodePoints;
            }
        }
        if (best < 0) {
            return Optional.empty();
        }
        return Optional.of(anchorAt(text, best, best + exact.length(), bestCodePoint, prefix.length(), suffix.length()));
    }

    private static void check(String value, String field, int maxCodePoints) throws AnchorMismatch {
        if (!DocumentText.wellFormed(value)) {
            throw new AnchorMismatch(field + " holds an unpaired surrogate (not a character)");
        }
        if (value.codePointCount(0, value.length()) > maxCodePoints) {
            throw new AnchorMismatch(field + " is longer than " + maxCodePoints + " characters");
        }
    }

    /** Both selectors for text[from, to) (UTF-16 indexes), with at least {@link #CONTEXT} code points of context. */
    private static TextAnchor anchorAt(String text, int from, int to, int startCodePoint, int prefixUtf16,
                                       int suffixUtf16) {
        int before = from;
        for (int taken = 0; before > 0 && (taken < CONTEXT || from - before < prefixUtf16); taken++) {
            before = text.offsetByCodePoints(before, -1);
        }
        int after = to;
        for (int taken = 0; after < text.length() && (taken < CONTEXT || after - to < suffixUtf16); taken++) {
            after = text.offsetByCodePoints(after, 1);
        }
        int endCodePoint = startCodePoint + text.codePointCount(from, to);
        return new TextAnchor(new TextQuoteSelector(text.substring(from, to), text.substring(before, from),
                text.substring(to, after)), new TextPositionSelector(startCodePoint, endCodePoint));
    }

    /** UTF-16 indexes where {@code pattern} begins in {@code text}, in order, at most {@code limit} of them. */
    static List<Integer> occurrences(String text, String pattern, int limit) {
        List<Integer> found = new ArrayList<>();
        int[] failure = new int[pattern.length()];
        for (int i = 1, k = 0; i < pattern.length(); i++) {
            while (k > 0 && pattern.charAt(i) != pattern.charAt(k)) {
                k = failure[k - 1];
            }
            if (pattern.charAt(i) == pattern.charAt(k)) {
                k++;
            }
            failure[i] = k;
        }
        for (int i = 0, k = 0; i < text.length() && found.size() < limit; i++) {
            while (k > 0 && text.charAt(i) != pattern.charAt(k)) {
                k = failure[k - 1];
            }
            if (text.charAt(i) == pattern.charAt(k)) {
                k++;
            }
            if (k == pattern.length()) {
                int start = i - pattern.length() + 1;
                // a match that begins inside a surrogate pair is not a passage
                if (start == 0 || !Character.isHighSurrogate(text.charAt(start - 1))
                        || !Character.isLowSurrogate(text.charAt(start))) {
                    found.add(start);
                }
                k = failure[k - 1];
            }
        }
        return found;
    }

    /** How many characters before {@code end} in text agree with the end of {@code context}. */
    private static int commonSuffix(String text, int end, String context) {
        int n = 0;
        while (n < context.length() && end - n > 0 && text.charAt(end - n - 1) == context.charAt(context.length() - n - 1)) {
            n++;
        }
        return n;
    }

    /** How many characters from {@code start} in text agree with the start of {@code context}. */
    private static int commonPrefix(String text, int start, String context) {
        int n = 0;
        while (n < context.length() && start + n < text.length() && text.charAt(start + n) == context.charAt(n)) {
            n++;
        }
        return n;
    }
}
