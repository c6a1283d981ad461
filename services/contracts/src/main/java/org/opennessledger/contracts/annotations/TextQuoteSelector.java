package org.opennessledger.contracts.annotations;

/**
 * The passage itself (W3C Web Annotation TextQuoteSelector): the exact text, with the text just
 * before and after it to tell apart repeated occurrences and to find it again in a new version.
 * {@code prefix} and {@code suffix} may be empty, never null.
 */
public record TextQuoteSelector(String exact, String prefix, String suffix) {

    public TextQuoteSelector {
        prefix = prefix == null ? "" : prefix;
        suffix = suffix == null ? "" : suffix;
    }
}
