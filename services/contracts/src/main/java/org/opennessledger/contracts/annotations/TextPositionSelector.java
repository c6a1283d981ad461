package org.opennessledger.contracts.annotations;

/**
 * Where the passage lies (W3C Web Annotation TextPositionSelector): from {@code start} up to but
 * not including {@code end}, counted in Unicode code points of the document version's normalised text.
 */
public record TextPositionSelector(int start, int end) {
}
