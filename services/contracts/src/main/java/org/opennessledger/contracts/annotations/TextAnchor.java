package org.opennessledger.contracts.annotations;

import java.util.Objects;

/** A passage of one document version, by quote and by position: both selectors, always agreeing. */
public record TextAnchor(TextQuoteSelector quote, TextPositionSelector position) {

    public TextAnchor {
        Objects.requireNonNull(quote, "quote");
        Objects.requireNonNull(position, "position");
    }
}
