package org.opennessledger.assessments.readmodel;

import java.util.regex.Pattern;

/** Shortens user text for one-line summaries (history, moderation queue). */
public final class OneLine {

    private static final Pattern LINE_BREAKS_AND_SPACES = Pattern.compile("[\\s\\u0085\\u2028\\u2029]+");

    private OneLine() {
    }

    /**
     * The text on one line (runs of white space and line breaks become one space), cut after
     * {@code maxCodePoints} code points (never inside a surrogate pair) and then marked with "…".
     */
    public static String of(String text, int maxCodePoints) {
        if (text == null) {
            return "";
        }
        String line = LINE_BREAKS_AND_SPACES.matcher(text).replaceAll(" ").strip();
        if (line.codePointCount(0, line.length()) <= maxCodePoints) {
            return line;
        }
        return line.substring(0, line.offsetByCodePoints(0, maxCodePoints)).stripTrailing() + "…";
    }
}
